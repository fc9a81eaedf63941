// Walks a pickle opcode by opcode, building nothing, to list every callable it asks the unpickler for. GLOBAL and
// INST name theirs in their argument; STACK_GLOBAL takes two strings from the stack, pushed directly or fetched back
// from the memo, so the walk models the stack and the memo just far enough to know which strings those are. Whatever
// the walk cannot follow exactly (an opcode no protocol defines, an argument past the end, a stack underflow,
// STACK_GLOBAL on anything but UTF-8 text, extension codes, bytes after STOP) is an error: a pickle Vtp cannot read
// completely is never unpickled.
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Vtp.IO;

internal static class PickleGlobals
{
    /// <summary>
    /// The callables <paramref name="pickle"/> asks for, as "module.name" (the key the unpickler looks them up by),
    /// in the order they first appear.
    /// </summary>
    /// <exception cref="InvalidDataException">The pickle is truncated or malformed, or uses extension codes; the message
    /// names <paramref name="source"/>, the byte offset and the opcode.</exception>
    public static IReadOnlyList<string> Find(byte[] pickle, string source) => new Walk(pickle, source).Run();

    private enum Kind { Mark, Value, Text }

    private readonly record struct Item(Kind Kind, string? Text = null);

    private sealed class Walk(byte[] data, string source)
    {
        private readonly List<Item> stack = [];
        private readonly Dictionary<int, Item> memo = [];
        private readonly List<string> globals = [];
        private int at;
        private int start;
        private PickleOpcode? current;

        public IReadOnlyList<string> Run()
        {
            while (true)
            {
                (start, current) = (at, null);
                if (at >= data.Length) throw Malformed("the pickle ends before its STOP opcode (truncated)");
                var op = PickleOpcodes.Find(data[at]) ?? throw Malformed($"0x{data[at]:x2} is not an opcode of pickle protocols 0 to {PickleOpcodes.HighestProtocol}");
                (at, current) = (at + 1, op);
                var argument = Argument(op);
                if (op.Action == PickleAction.Stop)
                {
                    Pop();
                    if (at != data.Length) throw Malformed($"{data.Length - at} bytes follow the STOP opcode");
                    return globals;
                }
                Apply(op, argument);
            }
        }

        private void Apply(PickleOpcode op, ReadOnlySpan<byte> argument)
        {
            switch (op.Action)
            {
                case PickleAction.Generic:
                    if (op.ToMark) PopToMark();
                    for (int i = 0; i < op.Pops; i++) Pop();
                    for (int i = 0; i < op.Pushes; i++) stack.Add(new Item(Kind.Value));
                    break;
                case PickleAction.Mark:
                    stack.Add(new Item(Kind.Mark));
                    break;
                case PickleAction.PopItem:
                    Top();
                    stack.RemoveAt(stack.Count - 1);
                    break;
                case PickleAction.Duplicate:
                    stack.Add(Top());
                    break;
                case PickleAction.Text:
                    stack.Add(new Item(Kind.Text, Encoding.UTF8.GetString(argument)));
                    break;
                case PickleAction.Global:
                    Ask(Lines(argument));
                    stack.Add(new Item(Kind.Value));
                    break;
                case PickleAction.StackGlobal:
                    var name = Pop();
                    var module = Pop();
                    if (module.Kind != Kind.Text || name.Kind != Kind.Text)
                        throw Malformed("STACK_GLOBAL takes its module or name from something other than a UTF-8 string");
                    Ask($"{module.Text}.{name.Text}");
                    stack.Add(new Item(Kind.Value));
                    break;
                case PickleAction.Instance:
                    Ask(Lines(argument));
                    PopToMark();
                    stack.Add(new Item(Kind.Value));
                    break;
                case PickleAction.MemoGet:
                    var index = MemoIndex(op, argument);
                    stack.Add(memo.TryGetValue(index, out var item) ? item : throw Malformed($"memo entry {index} was never stored"));
                    break;
                case PickleAction.MemoPut:
                    memo[MemoIndex(op, argument)] = Top();
                    break;
                case PickleAction.Memoize:
                    memo[memo.Count] = Top();
                    break;
                case PickleAction.Extension:
                    throw Malformed("extension codes name callables through Python's copyreg registry, which a PyTorch state dict never uses");
                case PickleAction.Protocol:
                    if (argument[0] > PickleOpcodes.HighestProtocol)
                        throw Malformed($"protocol {argument[0]} is newer than the {PickleOpcodes.HighestProtocol} Vtp knows");
                    break;
            }
        }

        // The argument bytes after the opcode (for lines: without the newline); the walk continues after them.
        private ReadOnlySpan<byte> Argument(PickleOpcode op)
        {
            var rest = data.AsSpan(at);
            int length;
            switch (op.Argument)
            {
                case PickleArgument.None:
                    return [];
                case PickleArgument.Fixed:
                    length = Need(op.Size, rest.Length);
                    at += length;
                    return rest[..length];
                case PickleArgument.Line or PickleArgument.TwoLines:
                    int end = rest.IndexOf((byte)'\n');
                    if (end >= 0 && op.Argument == PickleArgument.TwoLines)
                        end = rest[(end + 1)..].IndexOf((byte)'\n') is var second and >= 0 ? end + 1 + second : -1;
                    if (end < 0) throw Malformed("its text argument has no terminating newline (truncated)");
                    at += end + 1;
                    return rest[..end];
                default:
                    Need(op.Size, rest.Length);
                    var count = op.Size switch
                    {
                        1 => rest[0],
                        4 => BinaryPrimitives.ReadUInt32LittleEndian(rest),
                        _ => BinaryPrimitives.ReadUInt64LittleEndian(rest),
                    };
                    if (count > (ulong)(rest.Length - op.Size)) throw Malformed($"its {count}-byte argument runs past the end of the pickle (truncated)");
                    length = op.Size + (int)count;
                    at += length;
                    return rest[op.Size..length];
            }
        }

        private int Need(int bytes, int available) =>
            bytes <= available ? bytes : throw Malformed($"its {bytes}-byte argument runs past the end of the pickle (truncated)");

        private static string Lines(ReadOnlySpan<byte> argument)
        {
            int newline = argument.IndexOf((byte)'\n');
            return $"{Encoding.UTF8.GetString(argument[..newline])}.{Encoding.UTF8.GetString(argument[(newline + 1)..])}";
        }

        private int MemoIndex(PickleOpcode op, ReadOnlySpan<byte> argument) => op.Argument switch
        {
            PickleArgument.Line => int.TryParse(Encoding.ASCII.GetString(argument), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                ? index : throw Malformed("its memo index is not a decimal integer"),
            _ => argument.Length == 1 ? argument[0] : BinaryPrimitives.ReadInt32LittleEndian(argument),
        };

        private void Ask(string global)
        {
            if (!globals.Contains(global)) globals.Add(global);
        }

        private Item Top() => stack.Count > 0 ? stack[^1] : throw Malformed("the stack is empty");

        private Item Pop()
        {
            var item = Top();
            if (item.Kind == Kind.Mark) throw Malformed("it takes a MARK as a value");
            stack.RemoveAt(stack.Count - 1);
            return item;
        }

        private void PopToMark()
        {
            int mark = stack.FindLastIndex(i => i.Kind == Kind.Mark);
            if (mark < 0) throw Malformed("there is no MARK to pop to");
            stack.RemoveRange(mark, stack.Count - mark);
        }

        private InvalidDataException Malformed(string detail) =>
            new($"{source}: the pickle cannot be read safely at byte {start}{(current is null ? "" : $" ({current.Name})")}: {detail}.");
    }
}
