namespace Seismic.DietGrasp.IO;

/// <summary>One data row of a CSV table: its 1-based line in the file and its fields.</summary>
internal readonly record struct CsvRow(int Line, string[] Fields);
