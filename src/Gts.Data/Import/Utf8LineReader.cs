using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Gts.Core.Errors;

namespace Gts.Data.Import;

/// <summary>Splits a byte stream into lines, enforcing the record size limit and decoding strictly as UTF-8
/// so that a bad byte is reported with its line. Hand-written because StreamReader either replaces bad bytes
/// silently or throws without a line number.</summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int ChunkBytes = 64 * 1024;
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _file;
    private readonly int _maxBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public Utf8LineReader(Stream stream, string file, int maxRecordBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecordBytes);
        _stream = stream;
        _file = file;
        _maxBytes = maxRecordBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line without its '\n' (a trailing '\r' is kept), or false at the end of the stream.</summary>
    public bool TryReadLine(out string line)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(newline, consumed: newline + 1);
                return true;
            }
            if (_end - _start > _maxBytes) throw TooLarge(LineNumber + 1, _end - _start, exact: false);
            if (_eof)
            {
                if (_start == _end) { line = ""; return false; }
                line = Take(_end - _start, consumed: _end - _start);
                return true;
            }
            Fill();
        }
    }

    private string Take(int length, int consumed)
    {
        LineNumber++;
        if (length > _maxBytes) throw TooLarge(LineNumber, length, exact: true);
        var bytes = _buffer.AsSpan(_start, length);
        if (LineNumber == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (!Utf8.IsValid(bytes)) throw NotUtf8(bytes);
        var text = Strict.GetString(bytes);
        _start += consumed;
        return text;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException e)
        {
            throw new GtsException(ErrorKind.InvalidInput, $"the file is not valid gzip ({e.Message}).",
                "Recompress the file with gzip, or drop the .gz ending if it is not compressed.",
                new SourceLocation(_file, LineNumber + 1), e);
        }
        if (read == 0) _eof = true;
        _end += read;
    }

    private GtsException NotUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        Utf8.ToUtf16(bytes, chars, out int good, out _, replaceInvalidSequences: false);
        ArrayPool<char>.Shared.Return(chars);
        return DataErrors.Invalid(_file, LineNumber, null,
            $"byte {good + 1} of the line (value 0x{bytes[good]:X2}) is not valid UTF-8.",
            "Save the file as UTF-8 (for example `iconv -f latin1 -t utf-8 in > out`), or remove the bad byte.");
    }

    private GtsException TooLarge(int line, int seen, bool exact)
    {
        var size = exact ? $"{seen:N0}" : $"more than {_maxBytes:N0}";
        return DataErrors.Invalid(_file, line, null,
            $"the record is {size} bytes long, over the limit of {_maxBytes:N0} bytes.",
            "Check that records are separated by newlines; shorten the record, or raise the limit (ImportOptions.MaxRecordBytes, CLI --max-record-bytes).");
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }
}
