using System.Globalization;
using CsvHelper;

namespace Seismic.DietGrasp.IO;

/// <summary>Reads and writes the plain comma-separated tables of the original (CsvHelper underneath).</summary>
internal static class CsvTable
{
    public static (string[] Header, List<CsvRow> Rows) Read(string path, bool hasHeader)
    {
        using var stream = InputFile.OpenRead(path);
        return Read(stream, path, hasHeader);
    }

    /// <summary>Reads a table from a stream (left open); <paramref name="source"/> names it in errors.</summary>
    public static (string[] Header, List<CsvRow> Rows) Read(Stream stream, string source, bool hasHeader)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
        };
        var rows = new List<CsvRow>();
        try
        {
            using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
            using var reader = CsvReader.Create(text, options);
            while (reader.Read())
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i).Trim();
                }
                rows.Add(new CsvRow((int)reader.LineNumber, fields));
            }
        }
        catch (CsvFormatException e)
        {
            throw new InvalidTableException(source, 0, 0, $"not a readable CSV table ({e.Message})");
        }
        if (!hasHeader)
        {
            return (Array.Empty<string>(), rows);
        }
        if (rows.Count == 0)
        {
            throw new InvalidTableException(source, 0, 0, "the file is empty; expected a header row");
        }
        var header = rows[0].Fields;
        rows.RemoveAt(0);
        return (header, rows);
    }

    /// <summary>The writer's settings: comma, LF line ends (as the original's pandas writes).</summary>
    public static CsvWriterOptions WriterOptions => new() { Separator = ',', NewLine = "\n" };

    public static void Write(string path, IReadOnlyList<string>? header, IEnumerable<string[]> rows) =>
        AtomicFile.WriteText(path, text => Write(text, header, rows));

    /// <summary>Writes a table to a stream (left open), UTF-8 without a byte-order mark, LF line ends.</summary>
    public static void Write(Stream stream, IReadOnlyList<string>? header, IEnumerable<string[]> rows)
    {
        using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(text, header, rows);
    }

    private static void Write(TextWriter text, IReadOnlyList<string>? header, IEnumerable<string[]> rows)
    {
        using var writer = CsvWriter.Create(text, WriterOptions, leaveOpen: true);
        if (header is not null)
        {
            writer.WriteHeader(header.ToArray());
        }
        foreach (var row in rows)
        {
            writer.WriteRecord(row);
        }
        writer.Flush();
    }

    public static void RequireFieldCount(string path, CsvRow row, int expected, string what)
    {
        if (row.Fields.Length != expected)
        {
            throw new InvalidTableException(path, row.Line, 0, $"{row.Fields.Length} fields, expected {expected} ({what})");
        }
    }

    public static double ParseDouble(string path, CsvRow row, int index, string what)
    {
        var text = row.Fields[index];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new InvalidTableException(path, row.Line, index + 1, $"'{text}' is not a number ({what})");
        }
        return value;
    }

    public static int ParseInteger(string path, CsvRow row, int index, string what)
    {
        var value = ParseDouble(path, row, index, what);
        if (value != Math.Floor(value) || Math.Abs(value) > int.MaxValue)
        {
            throw new InvalidTableException(path, row.Line, index + 1, $"'{row.Fields[index]}' is not a whole number ({what})");
        }
        return (int)value;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
