using System.IO.Compression;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The bundled Natural Earth 1:50m land outlines (public domain; provenance in <c>Coastline/README.md</c>),
/// read once from the embedded resource and clipped to a map's extent.
/// </summary>
internal static class Coastlines
{
    private const string ResourceName = "Seismic.DietGrasp.Plotting.ne_50m_land.bin.gz";
    private static readonly Lazy<IReadOnlyList<LandRing>> All = new(Load);

    /// <summary>Every land ring of the world (longitudes in [-180, 180]).</summary>
    public static IReadOnlyList<LandRing> World => All.Value;

    /// <summary>
    /// The rings that reach into a longitude-latitude box, shifted by 360° where the box lies beyond
    /// ±180° (a network given in 0-360° longitudes, or one across the antimeridian).
    /// </summary>
    public static IReadOnlyList<LandRing> Within(double west, double east, double south, double north)
    {
        var rings = new List<LandRing>();
        foreach (var shift in new[] { -360.0, 0.0, 360.0 })
        {
            foreach (var ring in World)
            {
                if (ring.West + shift <= east && ring.East + shift >= west && ring.South <= north && ring.North >= south)
                {
                    rings.Add(shift == 0 ? ring : ring.Shifted(shift));
                }
            }
        }
        return rings;
    }

    private static IReadOnlyList<LandRing> Load()
    {
        using var resource = typeof(Coastlines).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the coastline resource {ResourceName} is missing from the assembly");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        var bytes = memory.ToArray();
        if (bytes.Length < 13 || bytes[0] != 'D' || bytes[1] != 'G' || bytes[2] != 'C' || bytes[3] != 'L' || bytes[4] != 1)
        {
            throw new InvalidOperationException($"the coastline resource {ResourceName} is not a version-1 DGCL file");
        }
        var units = BitConverter.ToInt32(bytes, 5);
        var count = BitConverter.ToInt32(bytes, 9);
        var position = 13;
        var rings = new List<LandRing>(count);
        for (var r = 0; r < count; r++)
        {
            var points = (int)ReadVarint(bytes, ref position);
            var longitudes = new double[points];
            var latitudes = new double[points];
            long x = 0, y = 0;
            for (var i = 0; i < points; i++)
            {
                x += Zigzag(ReadVarint(bytes, ref position));
                y += Zigzag(ReadVarint(bytes, ref position));
                longitudes[i] = (double)x / units;
                latitudes[i] = (double)y / units;
            }
            rings.Add(new LandRing(longitudes, latitudes));
        }
        return rings;
    }

    private static ulong ReadVarint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private static long Zigzag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
