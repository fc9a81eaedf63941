// The rendezvous store's wire format. Every message is a frame: a little-endian int32 payload length, then the payload.
//   request  = opcode:u8, then  Set:  key:string, value:bytes
//                               Get:  timeoutMs:i64, key:string
//                               Wait: timeoutMs:i64, count:i32, key:string * count
//   response = status:u8, then  Ok to a Get: value:bytes;  BadRequest: message:string
//   string = bytes of its UTF-8; bytes = length:i32, then the bytes.
// A client sends one request at a time on its connection and reads the response before the next.
using System.Buffers.Binary;
using System.Text;

namespace Vtp.Distributed;

internal static class RendezvousProtocol
{
    /// <summary>The largest frame either side accepts (the values exchanged are a few hundred bytes).</summary>
    public const int MaxFrameBytes = 64 << 20;

    public enum Opcode : byte { Set = 1, Get = 2, Wait = 3 }

    public enum Status : byte { Ok = 0, TimedOut = 1, BadRequest = 2 }

    /// <summary>Frames the payload written by <paramref name="write"/>.</summary>
    public static byte[] Frame(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0);  // length, patched below
            write(writer);
        }
        var frame = buffer.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(frame, frame.Length - sizeof(int));
        return frame;
    }

    /// <summary>The payload length in a frame's 4-byte header.</summary>
    /// <exception cref="InvalidDataException">The length is negative or above <see cref="MaxFrameBytes"/>.</exception>
    public static int PayloadLength(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        return length is >= 0 and <= MaxFrameBytes
            ? length
            : throw new InvalidDataException($"frame of {length} bytes (expected 0 to {MaxFrameBytes}): not a Vtp rendezvous peer");
    }

    /// <summary>Reads one frame's payload; null when the peer closed the connection before a new frame.</summary>
    public static byte[]? ReadFrame(Stream stream)
    {
        var header = new byte[sizeof(int)];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0) return null;
        if (read < header.Length) throw new EndOfStreamException();
        var payload = new byte[PayloadLength(header)];
        stream.ReadExactly(payload);
        return payload;
    }

    /// <summary>As <see cref="ReadFrame"/>, asynchronously.</summary>
    public static async Task<byte[]?> ReadFrameAsync(Stream stream, CancellationToken cancel)
    {
        var header = new byte[sizeof(int)];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancel).ConfigureAwait(false);
        if (read == 0) return null;
        if (read < header.Length) throw new EndOfStreamException();
        var payload = new byte[PayloadLength(header)];
        await stream.ReadExactlyAsync(payload, cancel).ConfigureAwait(false);
        return payload;
    }

    public static void WriteBytes(BinaryWriter writer, ReadOnlySpan<byte> bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    public static byte[] ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException($"a field of {length} bytes in a frame with {reader.BaseStream.Length - reader.BaseStream.Position} left");
        return reader.ReadBytes(length);
    }

    public static void WriteString(BinaryWriter writer, string text) => WriteBytes(writer, Encoding.UTF8.GetBytes(text));

    public static string ReadString(BinaryReader reader) => Encoding.UTF8.GetString(ReadBytes(reader));
}
