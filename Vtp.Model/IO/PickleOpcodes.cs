// The pickle opcodes of protocols 0-5 as the published format defines them (the opcode list of CPython's pickle
// module, PEP 307 for protocol 2, PEP 3154 for protocol 4, PEP 574 for protocol 5): each opcode's argument encoding
// after the opcode byte, and what it does to the unpickler's stack.
namespace Vtp.IO;

/// <summary>How an opcode's argument is encoded after the opcode byte.</summary>
internal enum PickleArgument
{
    /// <summary>No argument.</summary>
    None,

    /// <summary>A fixed number of bytes (<see cref="PickleOpcode.Size"/>).</summary>
    Fixed,

    /// <summary>Text up to a newline.</summary>
    Line,

    /// <summary>Two newline-terminated lines: a module and a name.</summary>
    TwoLines,

    /// <summary>A little-endian unsigned length of <see cref="PickleOpcode.Size"/> bytes, then that many bytes.</summary>
    Counted,
}

/// <summary>What an opcode does beyond the generic pop-and-push of <see cref="PickleOpcode"/>.</summary>
internal enum PickleAction
{
    /// <summary>Pops to the topmost mark if <see cref="PickleOpcode.ToMark"/>, then pops and pushes values.</summary>
    Generic,

    /// <summary>MARK: pushes a mark.</summary>
    Mark,

    /// <summary>STOP: pops the result; the pickle ends here.</summary>
    Stop,

    /// <summary>POP: removes the top item, value or mark.</summary>
    PopItem,

    /// <summary>DUP: pushes a copy of the top item.</summary>
    Duplicate,

    /// <summary>Pushes UTF-8 text, the only kind of string STACK_GLOBAL may take.</summary>
    Text,

    /// <summary>GLOBAL: asks for the callable named by its two argument lines.</summary>
    Global,

    /// <summary>STACK_GLOBAL: asks for the callable named by the two strings on top of the stack.</summary>
    StackGlobal,

    /// <summary>INST: asks for the class named by its two argument lines and calls it with the items above the mark.</summary>
    Instance,

    /// <summary>Pushes a memo entry; the argument is its index.</summary>
    MemoGet,

    /// <summary>Stores the top item in the memo at the index the argument gives.</summary>
    MemoPut,

    /// <summary>MEMOIZE: stores the top item in the memo at the next free index.</summary>
    Memoize,

    /// <summary>EXT1/EXT2/EXT4: a callable from the copyreg extension registry.</summary>
    Extension,

    /// <summary>PROTO: the protocol version.</summary>
    Protocol,
}

/// <summary>One opcode: its name, argument, action and (for <see cref="PickleAction.Generic"/>) stack effect.</summary>
internal sealed record PickleOpcode(string Name, PickleArgument Argument, int Size, PickleAction Action, bool ToMark, int Pops, int Pushes);

/// <summary>The opcode table of pickle protocols 0 to 5, by opcode byte.</summary>
internal static class PickleOpcodes
{
    /// <summary>The newest protocol in the table.</summary>
    public const int HighestProtocol = 5;

    private static readonly Dictionary<byte, PickleOpcode> Table = Build();

    /// <summary>The opcode of <paramref name="code"/>, or null when no protocol up to 5 defines it.</summary>
    public static PickleOpcode? Find(byte code) => Table.GetValueOrDefault(code);

    private static Dictionary<byte, PickleOpcode> Build()
    {
        var table = new Dictionary<byte, PickleOpcode>();
        void Add(char code, string name, PickleArgument argument = PickleArgument.None, int size = 0, PickleAction action = PickleAction.Generic,
            bool toMark = false, int pops = 0, int pushes = 0) => table.Add((byte)code, new PickleOpcode(name, argument, size, action, toMark, pops, pushes));
        void Value(char code, string name, PickleArgument argument = PickleArgument.None, int size = 0) => Add(code, name, argument, size, pushes: 1);

        // Protocol 0 and 1.
        Add('(', "MARK", action: PickleAction.Mark);
        Add('.', "STOP", action: PickleAction.Stop);
        Add('0', "POP", action: PickleAction.PopItem);
        Add('1', "POP_MARK", toMark: true);
        Add('2', "DUP", action: PickleAction.Duplicate);
        Value('F', "FLOAT", PickleArgument.Line);
        Value('I', "INT", PickleArgument.Line);
        Value('J', "BININT", PickleArgument.Fixed, 4);
        Value('K', "BININT1", PickleArgument.Fixed, 1);
        Value('L', "LONG", PickleArgument.Line);
        Value('M', "BININT2", PickleArgument.Fixed, 2);
        Value('N', "NONE");
        Value('P', "PERSID", PickleArgument.Line);
        Add('Q', "BINPERSID", pops: 1, pushes: 1);
        Add('R', "REDUCE", pops: 2, pushes: 1);
        Value('S', "STRING", PickleArgument.Line);
        Value('T', "BINSTRING", PickleArgument.Counted, 4);
        Value('U', "SHORT_BINSTRING", PickleArgument.Counted, 1);
        Value('V', "UNICODE", PickleArgument.Line);
        Add('X', "BINUNICODE", PickleArgument.Counted, 4, PickleAction.Text);
        Add('a', "APPEND", pops: 2, pushes: 1);
        Add('b', "BUILD", pops: 2, pushes: 1);
        Add('c', "GLOBAL", PickleArgument.TwoLines, action: PickleAction.Global);
        Add('d', "DICT", toMark: true, pushes: 1);
        Value('}', "EMPTY_DICT");
        Add('e', "APPENDS", toMark: true, pops: 1, pushes: 1);
        Add('g', "GET", PickleArgument.Line, action: PickleAction.MemoGet);
        Add('h', "BINGET", PickleArgument.Fixed, 1, PickleAction.MemoGet);
        Add('i', "INST", PickleArgument.TwoLines, action: PickleAction.Instance);
        Add('j', "LONG_BINGET", PickleArgument.Fixed, 4, PickleAction.MemoGet);
        Add('l', "LIST", toMark: true, pushes: 1);
        Value(']', "EMPTY_LIST");
        Add('o', "OBJ", toMark: true, pushes: 1);
        Add('p', "PUT", PickleArgument.Line, action: PickleAction.MemoPut);
        Add('q', "BINPUT", PickleArgument.Fixed, 1, PickleAction.MemoPut);
        Add('r', "LONG_BINPUT", PickleArgument.Fixed, 4, PickleAction.MemoPut);
        Add('s', "SETITEM", pops: 3, pushes: 1);
        Add('t', "TUPLE", toMark: true, pushes: 1);
        Value(')', "EMPTY_TUPLE");
        Add('u', "SETITEMS", toMark: true, pops: 1, pushes: 1);
        Value('G', "BINFLOAT", PickleArgument.Fixed, 8);

        // Protocol 2.
        Add('\x80', "PROTO", PickleArgument.Fixed, 1, PickleAction.Protocol);
        Add('\x81', "NEWOBJ", pops: 2, pushes: 1);
        Add('\x82', "EXT1", PickleArgument.Fixed, 1, PickleAction.Extension);
        Add('\x83', "EXT2", PickleArgument.Fixed, 2, PickleAction.Extension);
        Add('\x84', "EXT4", PickleArgument.Fixed, 4, PickleAction.Extension);
        Add('\x85', "TUPLE1", pops: 1, pushes: 1);
        Add('\x86', "TUPLE2", pops: 2, pushes: 1);
        Add('\x87', "TUPLE3", pops: 3, pushes: 1);
        Value('\x88', "NEWTRUE");
        Value('\x89', "NEWFALSE");
        Value('\x8a', "LONG1", PickleArgument.Counted, 1);
        Value('\x8b', "LONG4", PickleArgument.Counted, 4);

        // Protocol 3.
        Value('B', "BINBYTES", PickleArgument.Counted, 4);
        Value('C', "SHORT_BINBYTES", PickleArgument.Counted, 1);

        // Protocol 4.
        Add('\x8c', "SHORT_BINUNICODE", PickleArgument.Counted, 1, PickleAction.Text);
        Add('\x8d', "BINUNICODE8", PickleArgument.Counted, 8, PickleAction.Text);
        Value('\x8e', "BINBYTES8", PickleArgument.Counted, 8);
        Value('\x8f', "EMPTY_SET");
        Add('\x90', "ADDITEMS", toMark: true, pops: 1, pushes: 1);
        Add('\x91', "FROZENSET", toMark: true, pushes: 1);
        Add('\x92', "NEWOBJ_EX", pops: 3, pushes: 1);
        Add('\x93', "STACK_GLOBAL", action: PickleAction.StackGlobal);
        Add('\x94', "MEMOIZE", action: PickleAction.Memoize);
        Add('\x95', "FRAME", PickleArgument.Fixed, 8);

        // Protocol 5.
        Value('\x96', "BYTEARRAY8", PickleArgument.Counted, 8);
        Value('\x97', "NEXT_BUFFER");
        Add('\x98', "READONLY_BUFFER", pops: 1, pushes: 1);
        return table;
    }
}
