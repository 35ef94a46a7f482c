using System.Text;

namespace Seismic.DietGrasp.IO;

/// <summary>
/// File names that are not valid UTF-8. Linux allows any bytes in a name; .NET lists such a name with U+FFFD
/// in place of each bad byte and then cannot open it by that name ("file not found"). A folder scan skips them
/// with a warning that spells the name's bytes (<c>README-\xE9.txt</c>), read back from the folder itself.
/// </summary>
internal static partial class NonUtf8Name
{
    /// <summary>Whether <paramref name="path"/> is such a name: it holds U+FFFD and cannot be found by it.</summary>
    public static bool IsUnopenable(string path) => path.IndexOf('\uFFFD') >= 0 && !File.Exists(path);

    /// <summary>The path with the name's bad bytes written as <c>\xHH</c>, where the folder can be read; else with U+FFFD.</summary>
    public static string Describe(string path)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        var name = Path.GetFileName(path);
        var bytes = RawNames(folder).FirstOrDefault(raw => Lossy(raw) == name);
        return Path.Combine(folder, bytes is null ? name : Escape(bytes));
    }

    private static string Lossy(byte[] raw) => new UTF8Encoding(false, false).GetString(raw);

    /// <summary>Valid UTF-8 runs as text, every other byte as \xHH.</summary>
    private static string Escape(byte[] raw)
    {
        var strict = new UTF8Encoding(false, true);
        var text = new StringBuilder();
        for (var i = 0; i < raw.Length;)
        {
            var length = SequenceLength(raw[i]);
            if (length > 0 && i + length <= raw.Length && TryDecode(strict, raw, i, length, out var decoded))
            {
                text.Append(decoded);
                i += length;
                continue;
            }
            text.Append("\\x").Append(raw[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            i++;
        }
        return text.ToString();
    }

    private static int SequenceLength(byte lead) => lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5 ? 4 : 0;

    private static bool TryDecode(UTF8Encoding strict, byte[] raw, int index, int length, out string decoded)
    {
        try
        {
            decoded = strict.GetString(raw, index, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            decoded = string.Empty;
            return false;
        }
    }

#if NET
    // struct dirent on Linux (glibc and musl, 64-bit): d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
    private const int NameOffset = 19;

    private static List<byte[]> RawNames(string folder)
    {
        var names = new List<byte[]>();
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            return names;
        }
        try
        {
            var directory = OpenDirectory(folder);
            if (directory == IntPtr.Zero)
            {
                return names;
            }
            try
            {
                for (var entry = ReadDirectory(directory); entry != IntPtr.Zero; entry = ReadDirectory(directory))
                {
                    var name = entry + NameOffset;
                    var length = 0;
                    while (System.Runtime.InteropServices.Marshal.ReadByte(name, length) != 0)
                    {
                        length++;
                    }
                    var raw = new byte[length];
                    System.Runtime.InteropServices.Marshal.Copy(name, raw, 0, length);
                    names.Add(raw);
                }
            }
            finally
            {
                _ = CloseDirectory(directory);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        return names;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial IntPtr OpenDirectory(string path);

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "readdir")]
    private static partial IntPtr ReadDirectory(IntPtr directory);

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDirectory(IntPtr directory);
#else
    private static List<byte[]> RawNames(string folder) => new();
#endif
}
