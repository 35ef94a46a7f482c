namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The check that SkiaSharp's native library is there before a picture is drawn. This package brings no
/// native assets (they are the application's choice, like MathNet's native providers), so an application
/// that forgot them gets one clear sentence instead of a <see cref="TypeInitializationException"/> from
/// deep inside ScottPlot.
/// </summary>
internal static class NativeGraphics
{
    // Probed once: loading a native library either works for the process's lifetime or not at all.
    private static readonly Lazy<Exception?> Failure = new(Probe);

    /// <summary>Throws when SkiaSharp's native library cannot be loaded.</summary>
    /// <exception cref="InvalidOperationException">libSkiaSharp is missing; the message names the packages that bring it.</exception>
    public static void EnsureAvailable()
    {
        if (Failure.Value is { } e)
        {
            throw new InvalidOperationException(
                "Seismic.DietGrasp.Plotting needs SkiaSharp's native library, which this package leaves to the application: add "
                + "SkiaSharp.NativeAssets.Linux.NoDependencies and HarfBuzzSharp.NativeAssets.Linux (Linux), SkiaSharp.NativeAssets.Win32 and "
                + "HarfBuzzSharp.NativeAssets.Win32 (Windows) or SkiaSharp.NativeAssets.macOS and HarfBuzzSharp.NativeAssets.macOS (macOS) "
                + $"to your project ({e.GetType().Name}: {e.Message})",
                e);
        }
    }

    private static Exception? Probe()
    {
        try
        {
            using var bitmap = new SkiaSharp.SKBitmap(1, 1);
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            return e;
        }
    }
}
