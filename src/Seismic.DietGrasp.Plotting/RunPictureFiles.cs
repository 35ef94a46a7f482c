namespace Seismic.DietGrasp.Plotting;

/// <summary>What <see cref="RunPictures.Save"/> wrote, and what it could not draw.</summary>
public sealed class RunPictureFiles
{
    internal RunPictureFiles(IReadOnlyList<string> files, IReadOnlyList<string> warnings)
    {
        Files = files;
        Warnings = warnings;
    }

    /// <summary>The pictures written, full paths.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Pictures not drawn and why (e.g. no classified station-minute for the spectrogram).</summary>
    public IReadOnlyList<string> Warnings { get; }
}
