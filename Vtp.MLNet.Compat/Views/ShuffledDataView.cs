#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// ShuffleRows's lazy view (ML.NET's RowShufflingTransformer): a pool of rows is filled from the input (itself
// shuffled when it can be and shuffleSource is set), and each step returns a random pooled row and refills its slot.
// Every cursor uses a generator seeded with the view's seed unless the caller passes its own, so all cursors agree.
internal sealed class ShuffledDataView : SingleCursorDataView
{
    private readonly IDataView _input;
    private readonly int _seed;
    private readonly int _poolSize;
    private readonly bool _shuffleSource;

    public ShuffledDataView(IDataView input, int seed, int poolSize, bool shuffleSource)
    {
        _input = input ?? throw new ArgumentNullException(nameof(input));
        if (poolSize < 1)
            throw new ArgumentOutOfRangeException("shufflePoolSize", $"Must be at least 1, got {poolSize}.");
        _seed = seed;
        _poolSize = poolSize;
        _shuffleSource = shuffleSource;
    }

    public override bool CanShuffle => true;

    public override DataViewSchema Schema => _input.Schema;

    public override long? GetRowCount() => _input.GetRowCount();

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null)
    {
        bool[] active = RowGetters.ActiveFlags(Schema, columnsNeeded);
        var random = rand ?? new Random(_seed);
        var sourceRandom = _shuffleSource && _input.CanShuffle ? new Random(random.Next()) : null;
        var input = _input.GetRowCursor(RowGetters.Columns(Schema, active), sourceRandom);
        return new Cursor(input, active, _poolSize, random);
    }

    private sealed class Cursor : RootCursor
    {
        private readonly DataViewRowCursor _input;
        private readonly RowPool _pool;
        private readonly Random _random;
        private readonly int _capacity;
        private int _count = -1;
        private int _current = -1;

        public Cursor(DataViewRowCursor input, bool[] active, int capacity, Random random)
            : base(input.Schema)
        {
            _input = input;
            _random = random;
            _capacity = capacity;
            _pool = new RowPool(input, active, capacity);
            InitializeGetters(_pool.CreateGetters(CurrentSlot));
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => _pool.CreateIdGetter(CurrentSlot);

        private int CurrentSlot() => IsOnRow ? _current : throw Errors.NotOnRow();

        protected override bool MoveNextCore()
        {
            if (_count < 0)
            {
                _count = 0;
                while (_count < _capacity && _input.MoveNext())
                    _pool.Read(_count++);
            }
            else if (_input.MoveNext())
            {
                _pool.Read(_current);
            }
            else
            {
                _pool.Swap(_current, --_count);
            }
            if (_count == 0)
                return false;
            _current = _random.Next(_count);
            return true;
        }

        protected override void ReleaseSource() => _input.Dispose();
    }
}
