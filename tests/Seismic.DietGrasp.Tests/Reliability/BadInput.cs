using System.Globalization;
using System.Text;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// One bad input, run against the library and against the CLI: how to make its files, the library
/// call that must fail (with the exception type and what the message must name), and the command line
/// that must fail with exit code 1 and one stderr line.
/// </summary>
internal sealed class BadInput
{
    private BadInput(string name) => Name = name;

    public string Name { get; }

    public Action<CaseFolder> Make { get; private set; } = _ => { };

    public Type? Expected { get; private set; }

    public Action<CaseFolder>? LibraryCall { get; private set; }

    public IReadOnlyList<string> LibraryMentions { get; private set; } = Array.Empty<string>();

    public Func<CaseFolder, string[]>? CommandLineArguments { get; private set; }

    public IReadOnlyList<string> CliMentions { get; private set; } = Array.Empty<string>();

    public static BadInput Case(string name) => new(name);

    /// <summary>Writes the case's input files (into <see cref="CaseFolder.InputFolder"/>).</summary>
    public BadInput Given(Action<CaseFolder> make)
    {
        Make = make;
        return this;
    }

    /// <summary>The library call, the exception type it must raise and the words its message must contain.</summary>
    public BadInput Library<TException>(Action<CaseFolder> call, params string[] mentions)
        where TException : DietGraspException
    {
        Expected = typeof(TException);
        LibraryCall = call;
        LibraryMentions = mentions;
        return this;
    }

    /// <summary>The command line and the words its one stderr line must contain.</summary>
    public BadInput CommandLine(Func<CaseFolder, string[]> arguments, params string[] mentions)
    {
        CommandLineArguments = arguments;
        CliMentions = mentions;
        return this;
    }

    public override string ToString() => Name;
}

/// <summary>A fresh folder per case: inputs in <c>in/</c>, outputs go to <c>out/</c>.</summary>
internal sealed class CaseFolder
{
    public CaseFolder()
    {
        Root = TestPaths.NewScratchFolder();
        Directory.CreateDirectory(InputFolder);
        Directory.CreateDirectory(OutputFolder);
    }

    public string Root { get; }

    public string InputFolder => Path.Combine(Root, "in");

    public string OutputFolder => Path.Combine(Root, "out");

    public string In(string name) => Path.Combine(InputFolder, name);

    public string Out(string name) => Path.Combine(OutputFolder, name);

    public string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(In(name), bytes);
        return In(name);
    }

    public string WriteText(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string WriteNpy(string name, float[] data, params int[] shape)
    {
        Npy.Write(In(name), data, shape);
        return In(name);
    }

    public string WriteNpy(string name, double[] data, params int[] shape)
    {
        Npy.Write(In(name), data, shape);
        return In(name);
    }

    /// <summary>Every file and folder under the case's root, relative and sorted (to show nothing was added).</summary>
    public string[] Snapshot() =>
        Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
}

/// <summary>Good inputs taken from the committed fixtures, and byte/text surgery to break them.</summary>
internal static class Fixtures
{
    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(TestPaths.TestData(parts));

    public static string Text(params string[] parts) => File.ReadAllText(TestPaths.TestData(parts));

    /// <summary>The first station-minute of the scipy parity input: [3, 6000] at 100 Hz.</summary>
    public static double[] Minute100Hz()
    {
        var all = Npy.ReadFloat64(TestPaths.TestData("Spectrogram", "input_100hz.npy"));
        return all.Data.Take(3 * 6000).ToArray();
    }

    public static double[] With(this double[] samples, int index, double value)
    {
        var copy = (double[])samples.Clone();
        copy[index] = value;
        return copy;
    }

    public static byte[] Patch(this byte[] bytes, string from, string to)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0 || from.Length != to.Length)
        {
            throw new ArgumentException($"cannot patch '{from}' to '{to}'");
        }
        var copy = (byte[])bytes.Clone();
        Encoding.Latin1.GetBytes(to).CopyTo(copy, at);
        return copy;
    }

    public static byte[] Set(this byte[] bytes, int offset, params byte[] values)
    {
        var copy = (byte[])bytes.Clone();
        values.CopyTo(copy, offset);
        return copy;
    }

    public static byte[] SetInt32(this byte[] bytes, int offset, int value, bool bigEndian = false)
    {
        var word = BitConverter.GetBytes(value);
        if (bigEndian)
        {
            Array.Reverse(word);
        }
        return bytes.Set(offset, word);
    }

    public static byte[] SetFloat32(this byte[] bytes, int offset, float value) => bytes.SetInt32(offset, BitConverter.SingleToInt32Bits(value));

    public static byte[] SetUInt16BigEndian(this byte[] bytes, int offset, int value) => bytes.Set(offset, (byte)(value >> 8), (byte)value);

    public static byte[] Truncate(this byte[] bytes, int length) => bytes.Take(length).ToArray();

    public static byte[] Append(this byte[] bytes, byte[] more) => bytes.Concat(more).ToArray();
}

/// <summary>A CSV table as rows of fields, to change one cell or row and write it back.</summary>
internal sealed class CsvText
{
    private readonly List<List<string>> _rows;

    private CsvText(IEnumerable<IEnumerable<string>> rows) => _rows = rows.Select(row => row.ToList()).ToList();

    public static CsvText Parse(string text) =>
        new(text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Select(line => line.Split(',')));

    public static CsvText FromRows(IEnumerable<IEnumerable<string>> rows) => new(rows);

    /// <summary>A copy with the cell at a 1-based line and 1-based column replaced.</summary>
    public CsvText Cell(int line, int column, string value) => Change(rows => rows[line - 1][column - 1] = value);

    /// <summary>A copy without the cell at a 1-based line and column (a short row).</summary>
    public CsvText DropCell(int line, int column) => Change(rows => rows[line - 1].RemoveAt(column - 1));

    /// <summary>A copy without the column (1-based) in every row.</summary>
    public CsvText DropColumn(int column) => Change(rows => rows.ForEach(row => row.RemoveAt(column - 1)));

    /// <summary>A copy with one more column: <paramref name="header"/> on the first line, <paramref name="value"/> on the others.</summary>
    public CsvText AddColumn(string header, string value) => Change(rows => rows.ForEach(row => row.Add(ReferenceEquals(row, rows[0]) ? header : value)));

    /// <summary>A copy with only the first <paramref name="lines"/> lines.</summary>
    public CsvText Take(int lines) => Change(rows => rows.RemoveRange(lines, rows.Count - lines));

    public override string ToString() => string.Join("\n", _rows.Select(row => string.Join(",", row))) + "\n";

    private CsvText Change(Action<List<List<string>>> change)
    {
        var copy = new CsvText(_rows);
        change(copy._rows);
        return copy;
    }
}

/// <summary>Good GrASP tables on the 150 S-net stations of the Grasp fixtures.</summary>
internal static class GraspTables
{
    public static CsvText Stations => CsvText.Parse(Fixtures.Text("Grasp", "Station_info.csv"));

    public static string[] StationNames => Stations.ToString().Split('\n').Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')[0]).ToArray();

    /// <summary>Three minutes from 2024-03-01 12:00; stations 0..9 detect in every minute, the rest are quiet.</summary>
    public static CsvText Probabilities()
    {
        var names = StationNames;
        var header = new[] { "year", "month", "day", "hour", "minute" }.Concat(names);
        var rows = Enumerable.Range(0, 3).Select(minute =>
            new[] { "2024", "3", "1", "12", minute.ToString(CultureInfo.InvariantCulture) }
                .Concat(names.Select((_, s) => s < 10 ? "0.9" : "0.05")));
        return CsvText.FromRows(new[] { header }.Concat(rows));
    }

    /// <summary>A candidate table with one group (stations 0, 1, 2) at 2024-03-01 12:00.</summary>
    public static CsvText Candidates()
    {
        var names = StationNames;
        var header = new[] { "year", "month", "day", "hour", "minute" }.Concat(names);
        var row = new[] { "2024", "3", "1", "12", "0" }.Concat(names.Select((_, s) => s < 3 ? "0.9" : "0"));
        return CsvText.FromRows(new[] { header, row });
    }
}
