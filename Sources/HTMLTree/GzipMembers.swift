internal import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file of gzip members one after another (a `.warc.gz` archive compresses each record as a member of its own),
/// in constant memory: each member's place in the file and the first bytes it decompresses to.
///
///     var members = try GzipMembers(path: "crawl.warc.gz")
///     while let member = try members.next(keeping: 65_536) {
///         print(member.offset, member.length, member.head.count)
///     }
public struct GzipMembers: ~Copyable {
    /// One member: where it starts in the file, how many compressed bytes it takes, the first bytes it decompresses
    /// to, and whether it ends as a whole member (a file cut off in the middle of one does not).
    public struct Member: Sendable {
        public var offset: Int
        public var length: Int
        public var head: [UInt8]
        public var complete: Bool
    }

    /// Why the file cannot be read.
    public enum Failure: Error, Sendable, Equatable {
        case unreadable(String)
        /// Bytes where a member should start that are not gzip; the offset where they are.
        case notGzip(offset: Int)
    }

    private let file: UnsafeMutablePointer<FILE>
    private var stream = z_stream()
    private var input = [UInt8](repeating: 0, count: 1 << 20)
    /// The unread bytes of `input` start here and end at `inputEnd`.
    private var inputStart = 0
    private var inputEnd = 0
    /// The file offset of `input[0]`.
    private var inputOffset = 0
    private var atEnd = false

    public init(path: String) throws(Failure) {
        guard let file = fopen(path, "rb") else { throw .unreadable(String(cString: strerror(errno))) }
        self.file = file
    }

    deinit { fclose(file) }

    /// The next member, keeping its first `keeping` decompressed bytes; nil at the end of the file.
    public mutating func next(keeping limit: Int) throws(Failure) -> Member? {
        refill()
        guard inputStart < inputEnd else { return nil }
        let offset = inputOffset + inputStart
        guard input[inputStart] == 0x1F, inputEnd - inputStart < 2 || input[inputStart + 1] == 0x8B else {
            throw .notGzip(offset: offset)
        }
        stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .notGzip(offset: offset)
        }
        defer { inflateEnd(&stream) }
        var head: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        while status == Z_OK {
            refill()
            if inputStart == inputEnd { break }
            let available = inputEnd - inputStart
            input.withUnsafeMutableBufferPointer { input in
                scratch.withUnsafeMutableBufferPointer { output in
                    stream.next_in = input.baseAddress! + inputStart
                    stream.avail_in = UInt32(available)
                    stream.next_out = output.baseAddress!
                    stream.avail_out = UInt32(output.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = output.count - Int(stream.avail_out)
                    if head.count < limit { head.append(contentsOf: output[0..<min(produced, limit - head.count)]) }
                }
            }
            inputStart += available - Int(stream.avail_in)
            if status == Z_BUF_ERROR { status = Z_OK }
        }
        let complete = status == Z_STREAM_END
        if !complete {
            // Damaged or cut off: what is left of the file is no member.
            inputStart = inputEnd
            atEnd = true
        }
        return Member(offset: offset, length: inputOffset + inputStart - offset, head: head, complete: complete)
    }

    /// Moves the unread bytes to the front of `input` and reads more behind them when few are left.
    private mutating func refill() {
        guard !atEnd, inputEnd - inputStart < 1 << 16 else { return }
        let unread = inputEnd - inputStart
        input.withUnsafeMutableBufferPointer { buffer in
            if unread > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + inputStart, unread) }
        }
        inputOffset += inputStart
        inputStart = 0
        inputEnd = unread
        let read = input.withUnsafeMutableBufferPointer { buffer in
            fread(buffer.baseAddress! + unread, 1, buffer.count - unread, file)
        }
        inputEnd += read
        if read == 0 { atEnd = true }
    }
}
