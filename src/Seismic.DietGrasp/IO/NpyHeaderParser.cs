using System.Globalization;

namespace Seismic.DietGrasp.IO;

/// <summary>
/// Parses the Python dict literal of a <c>.npy</c> header, e.g.
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 6000), }</c>.
/// Only the literal forms numpy writes are accepted: quoted strings, True/False and tuples of integers.
/// </summary>
internal sealed class NpyHeaderParser
{
    private readonly string _text;
    private readonly string _source;
    private int _position;

    private NpyHeaderParser(string text, string source)
    {
        _text = text;
        _source = source;
    }

    public static NpyHeader Parse(string text, int majorVersion, long dataOffset, string source)
    {
        var parser = new NpyHeaderParser(text, source);
        var entries = parser.ParseDict();
        if (!entries.TryGetValue("descr", out var descr) || descr is not string dtype)
        {
            throw parser.Fail("the header has no 'descr' string");
        }
        if (!entries.TryGetValue("fortran_order", out var order) || order is not bool fortran)
        {
            throw parser.Fail("the header has no 'fortran_order' True/False");
        }
        if (!entries.TryGetValue("shape", out var shapeValue) || shapeValue is not List<long> shape)
        {
            throw parser.Fail("the header has no 'shape' tuple");
        }
        if (fortran)
        {
            throw new InvalidFileException(source, "Fortran-order (column-major) arrays are not supported; save a C-order array (numpy.ascontiguousarray)");
        }
        var (type, bigEndian) = dtype switch
        {
            "<f4" => (NpyDataType.Float32, false),
            "<f8" => (NpyDataType.Float64, false),
            ">f4" => (NpyDataType.Float32, true),
            ">f8" => (NpyDataType.Float64, true),
            _ => throw new InvalidFileException(source, $"dtype '{dtype}' is not supported; expected float32 or float64 ('<f4', '<f8', '>f4' or '>f8')"),
        };
        // The element count must fit a long (NpyHeader.ElementCount); a corrupt shape can overflow it.
        if (shape.Any(d => d > int.MaxValue) || (!shape.Contains(0) && shape.Aggregate(1.0, (product, d) => product * d) > long.MaxValue))
        {
            throw new InvalidFileException(source, $"shape ({string.Join(", ", shape)}) is too large for an array");
        }
        return new NpyHeader(type, bigEndian, shape.Select(d => (int)d).ToArray(), majorVersion, dataOffset);
    }

    private Dictionary<string, object> ParseDict()
    {
        var entries = new Dictionary<string, object>(StringComparer.Ordinal);
        Expect('{');
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _position++;
                break;
            }
            var key = ParseString();
            Expect(':');
            var value = ParseValue();
            if (entries.ContainsKey(key))
            {
                throw Fail($"the header repeats the key '{key}'");
            }
            entries[key] = value;
            SkipSpace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }
            Expect('}');
            break;
        }
        SkipSpace();
        if (_position != _text.Length)
        {
            throw Fail($"unexpected text after the header dict at character {_position}");
        }
        return entries;
    }

    private object ParseValue()
    {
        SkipSpace();
        var c = Peek();
        if (c is '\'' or '"')
        {
            return ParseString();
        }
        if (c == '(')
        {
            return ParseTuple();
        }
        if (Match("True"))
        {
            return true;
        }
        if (Match("False"))
        {
            return false;
        }
        throw Fail($"unexpected value at character {_position} of the header");
    }

    private List<long> ParseTuple()
    {
        Expect('(');
        var items = new List<long>();
        while (true)
        {
            SkipSpace();
            if (Peek() == ')')
            {
                _position++;
                return items;
            }
            var start = _position;
            while (_position < _text.Length && char.IsDigit(_text[_position]))
            {
                _position++;
            }
            if (start == _position || !long.TryParse(_text.Substring(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var dimension))
            {
                throw Fail($"the shape must be a tuple of non-negative integers (character {start} of the header)");
            }
            // Python 2 era files write long integers as 3L.
            if (Peek() == 'L')
            {
                _position++;
            }
            items.Add(dimension);
            SkipSpace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }
            Expect(')');
            return items;
        }
    }

    private string ParseString()
    {
        SkipSpace();
        var quote = Peek();
        if (quote is not ('\'' or '"'))
        {
            throw Fail($"expected a quoted string at character {_position} of the header");
        }
        var end = _text.IndexOf(quote, _position + 1);
        if (end < 0)
        {
            throw Fail("unterminated string in the header");
        }
        var value = _text.Substring(_position + 1, end - _position - 1);
        _position = end + 1;
        return value;
    }

    private bool Match(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) == 0)
        {
            _position += word.Length;
            return true;
        }
        return false;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Fail($"expected '{c}' at character {_position} of the header");
        }
        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private InvalidFileException Fail(string what) =>
        new(_source, $"bad .npy header ({what}): {_text.Trim()}");
}
