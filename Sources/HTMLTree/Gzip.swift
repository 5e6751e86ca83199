internal import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads gzip-compressed bytes (a `.html.gz` file) with libdeflate where the system has it, else zlib.
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
        // A gzip stream ends with its size modulo 2^32: exact for one whole member, implausible in the
        // last bytes of a truncated stream.
        let statedSize = compressed.count >= 18 ? compressed.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) } : 0
        let isPlausible = statedSize > 0 && statedSize <= compressed.count * 64 && statedSize <= limit
        if isPlausible, let whole = Libdeflate.shared?.decompress(compressed, size: statedSize) {
            return Result(bytes: whole, complete: true)
        }
        return try inflateStream(compressed, limit: limit, guess: isPlausible ? statedSize : compressed.count * 6)
    }

    /// zlib's streaming decoder, which also reads what a damaged or truncated stream holds before the damage.
    private static func inflateStream(_ compressed: [UInt8], limit: Int, guess: Int) throws(Failure) -> Result {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .damaged }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: min(limit, max(4096, guess)))
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

/// libdeflate's whole-buffer gzip decoder, about three times as fast as zlib's, loaded at run time where the
/// system has the library (Debian and Ubuntu install it with libtiff), so it is no build dependency.
private struct Libdeflate: Sendable {
    typealias Allocate = @convention(c) () -> OpaquePointer?
    typealias Free = @convention(c) (OpaquePointer?) -> Void
    /// `libdeflate_gzip_decompress_ex(decompressor, in, in_nbytes, out, out_nbytes_avail, actual_in_nbytes_ret,
    /// actual_out_nbytes_ret)`, which returns 0 on success.
    typealias Decompress =
        @convention(c) (
            OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int>?
        ) -> Int32

    let allocate: Allocate
    let free: Free
    let gzipDecompress: Decompress

    static let shared: Libdeflate? = {
        guard let library = dlopen("libdeflate.so.0", RTLD_NOW | RTLD_LOCAL) ?? dlopen("libdeflate.0.dylib", RTLD_NOW | RTLD_LOCAL),
            let allocate = dlsym(library, "libdeflate_alloc_decompressor"),
            let free = dlsym(library, "libdeflate_free_decompressor"),
            let decompress = dlsym(library, "libdeflate_gzip_decompress_ex")
        else { return nil }
        return Libdeflate(
            allocate: unsafeBitCast(allocate, to: Allocate.self), free: unsafeBitCast(free, to: Free.self),
            gzipDecompress: unsafeBitCast(decompress, to: Decompress.self))
    }()

    /// The bytes of a stream that is one whole gzip member of exactly `size` bytes; nil for anything else.
    func decompress(_ compressed: [UInt8], size: Int) -> [UInt8]? {
        guard let decompressor = allocate() else { return nil }
        defer { free(decompressor) }
        var succeeded = false
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var read = 0
            var written = 0
            let status = compressed.withUnsafeBytes { input in
                gzipDecompress(decompressor, input.baseAddress, input.count, buffer.baseAddress, size, &read, &written)
            }
            succeeded = status == 0 && read == compressed.count && written == size
            count = succeeded ? size : 0
        }
        return succeeded ? output : nil
    }
}
