namespace Gts.Data.Import;

/// <summary>A <see cref="TextReader"/> over strictly decoded UTF-8 lines, so that the CSV parser sees the same
/// line numbers the decoder reports errors at.</summary>
internal sealed class LineTextReader(Utf8LineReader lines) : TextReader
{
    private string _pending = "";
    private int _position;
    private bool _done;

    public override int Read(Span<char> buffer)
    {
        if (!EnsurePending()) return 0;
        int n = Math.Min(buffer.Length, _pending.Length - _position);
        _pending.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Peek() => EnsurePending() ? _pending[_position] : -1;

    public override int Read() => EnsurePending() ? _pending[_position++] : -1;

    private bool EnsurePending()
    {
        while (_position >= _pending.Length)
        {
            if (_done || !lines.TryReadLine(out var line)) { _done = true; return false; }
            _pending = line + "\n";
            _position = 0;
        }
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) lines.Dispose();
        base.Dispose(disposing);
    }
}
