internal import CZlib

/// Reads gzip-compressed bytes (a `.html.gz` file) with zlib.
public enum Gzip {
    /// Whether the bytes start with the gzip signature.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// What decompression gave: the bytes, and whether the stream ended early or was damaged
    /// (the bytes are then what could be read before that point).
    public struct Result: Sendable {
        public var bytes: [UInt8]
        public var complete: Bool
    }

    /// Why decompression gave nothing.
    public enum Failure: Error, Sendable, Equatable {
        /// The output would pass the limit.
        case tooLarge(limit: Int)
        /// Not a stream zlib can read.
        case damaged
    }

    /// Decompresses a gzip (or zlib) stream, refusing output over `limit` bytes.
    public static func decompress(_ compressed: [UInt8], limit: Int) throws(Failure) -> Result {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .damaged }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: min(limit, max(4096, compressed.count * 6)))
        var produced = 0
        var status = Z_OK
        compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while status == Z_OK {
                if produced == output.count {
                    if output.count >= limit { break }
                    output.append(contentsOf: repeatElement(0, count: min(limit - output.count, output.count)))
                }
                output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress! + produced
                    stream.avail_out = UInt32(buffer.count - produced)
                    status = inflate(&stream, Z_NO_FLUSH)
                    produced = buffer.count - Int(stream.avail_out)
                }
                if status == Z_BUF_ERROR && stream.avail_out > 0 { break }
                if status == Z_BUF_ERROR { status = Z_OK }
            }
        }
        if status == Z_OK && produced >= limit && stream.avail_in > 0 { throw .tooLarge(limit: limit) }
        if produced == 0 && status != Z_STREAM_END { throw .damaged }
        output.removeSubrange(produced...)
        return Result(bytes: output, complete: status == Z_STREAM_END)
    }
}
