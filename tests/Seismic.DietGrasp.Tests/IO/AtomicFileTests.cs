using Seismic.DietGrasp.IO;
using Xunit;

namespace Seismic.DietGrasp.Tests.IO;

public sealed class AtomicFileTests
{
    private static void WriteBytes(string path, byte[] bytes) => AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));

    [Fact]
    public void ReplacingAFileLeavesOnlyTheNewContent()
    {
        var folder = TestPaths.NewScratchFolder();
        var path = Path.Combine(folder, "a.bin");
        WriteBytes(path, new byte[] { 1, 2, 3 });

        WriteBytes(path, new byte[] { 4, 5 });

        Assert.Equal(new byte[] { 4, 5 }, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void AFailedWriteLeavesTheEarlierFileAndNoTemporary()
    {
        var folder = TestPaths.NewScratchFolder();
        var path = Path.Combine(folder, "a.bin");
        WriteBytes(path, new byte[] { 1, 2, 3 });

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte(9);
            throw new InvalidOperationException("stop");
        }));

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void AFolderInTheWayIsRefusedAndLeftAlone()
    {
        var folder = TestPaths.NewScratchFolder();
        var path = Path.Combine(folder, "a.bin");
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, "inside.txt"), new byte[] { 7 });

        Assert.ThrowsAny<IOException>(() => WriteBytes(path, new byte[] { 4, 5 }));

        Assert.True(Directory.Exists(path));
        Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(Path.Combine(path, "inside.txt")));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(folder));
    }
}
