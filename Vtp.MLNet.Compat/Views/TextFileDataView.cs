#nullable disable
using Microsoft.ML.Runtime;

namespace Microsoft.ML;

// The view LoadFromTextFile returns. Every cursor reads the file again from the start. Before the first data line,
// blank lines and lines starting with '#' or "//" are skipped and the header (when there is one) is dropped; after it,
// blank lines and lines starting with "//" are skipped, as ML.NET's TextLoader does.
internal sealed class TextFileDataView : SingleCursorDataView
{
    private readonly string _path;
    private readonly TextColumn[] _columns;
    private readonly char _separator;
    private readonly bool _hasHeader;
    private readonly bool _allowQuoting;
    private readonly bool _trimWhitespace;
    private readonly IChannelProvider _log;

    public TextFileDataView(string path, TextColumn[] columns, char separator, bool hasHeader, bool allowQuoting,
        bool trimWhitespace, IChannelProvider log)
    {
        _path = path;
        _columns = columns;
        _separator = separator;
        _hasHeader = hasHeader;
        _allowQuoting = allowQuoting;
        _trimWhitespace = trimWhitespace;
        _log = log;
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
            builder.AddColumn(column.Name, column.Type);
        Schema = builder.ToSchema();
    }

    public override bool CanShuffle => false;

    public override DataViewSchema Schema { get; }

    public override long? GetRowCount() => null;

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null)
        => new Cursor(this, RowGetters.ActiveFlags(Schema, columnsNeeded));

    private sealed class Cursor : RootCursor
    {
        private readonly TextFileDataView _view;
        private readonly StreamReader _reader;
        private readonly TextFields _fields;
        private long _lineNumber;
        private bool _pastHeader;
        private long _badValues;
        private string _firstBadValue;

        public Cursor(TextFileDataView view, bool[] active)
            : base(view.Schema)
        {
            _view = view;
            _fields = new TextFields(view._separator, view._allowQuoting);
            InitializeGetters(view._columns.Select((c, i) => active[i] ? c.CreateGetter(CurrentFields, OnBadValue) : null).ToArray());
            _reader = File.OpenText(view._path);
        }

        private TextFields CurrentFields() => IsOnRow ? _fields : throw Errors.NotOnRow();

        private void OnBadValue(int field)
        {
            if (_badValues++ == 0)
                _firstBadValue = $"line {_lineNumber}, field {field}: '{_fields[field]}'";
        }

        protected override bool MoveNextCore()
        {
            string line;
            while ((line = _reader.ReadLine()) != null)
            {
                _lineNumber++;
                if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
                    continue;
                if (!_pastHeader)
                {
                    if (line[0] == '#')
                        continue;
                    _pastHeader = true;
                    if (_view._hasHeader)
                        continue;
                }
                _fields.Split(_view._trimWhitespace ? line.TrimEnd() : line);
                return true;
            }
            return false;
        }

        // Like ML.NET's loader, unparsable values do not stop reading; they are reported once, when the cursor ends.
        protected override void ReleaseSource()
        {
            _reader.Dispose();
            if (_badValues == 0)
                return;
            using var channel = _view._log.Start("TextLoader");
            channel.Warning(MessageSensitivity.UserData, "Read '{0}' with {1} unparsable values, read as NaN for reals and 0 otherwise; the first at {2}.",
                _view._path, _badValues, _firstBadValue);
        }
    }
}
