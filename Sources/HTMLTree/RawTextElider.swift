#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Drops what a reader never sees before the parser runs: comments and the contents of `<script>` and
/// `<style>` elements (often half a page's bytes). JSON scripts (`application/ld+json`) are kept, and
/// NUL bytes, which end libxml2's input early, become spaces.
enum RawTextElider {
    static func elide(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        input.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var copiedUpTo = 0
            var position = 0
            while let open = find(0x3C, in: bytes, from: position) {
                if matches("!--", in: bytes, at: open + 1) {
                    let close = endOfComment(in: bytes, from: open + 4) ?? count
                    output.append(contentsOf: bytes[copiedUpTo..<open])
                    copiedUpTo = min(count, close + 3)
                    position = copiedUpTo
                    continue
                }
                guard let element = rawTextElement(in: bytes, at: open + 1) else {
                    position = open + 1
                    continue
                }
                guard let tagEnd = endOfTag(in: bytes, from: open + 1 + element.utf8.count) else { break }
                let keep = element == "script" && declaresJSON(bytes[open..<tagEnd])
                let close = closingTag(element, in: bytes, from: tagEnd + 1) ?? count
                if !keep {
                    output.append(contentsOf: bytes[copiedUpTo...tagEnd])
                    copiedUpTo = close
                }
                position = max(close, tagEnd + 1)
            }
            output.append(contentsOf: bytes[copiedUpTo..<count])
        }
        if memchr(output, 0, output.count) != nil {
            for index in output.indices where output[index] == 0 { output[index] = 0x20 }
        }
        return output
    }

    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(bytes.baseAddress!).distance(to: found)
    }

    /// Where the next `-->` starts.
    private static func endOfComment(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start + 2
        while let close = find(0x3E, in: bytes, from: position) {
            if bytes[close - 1] == 0x2D && bytes[close - 2] == 0x2D { return close - 2 }
            position = close + 1
        }
        return nil
    }

    /// Whether the bytes at `index` spell `word`, ignoring ASCII case.
    private static func matches(_ word: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for offset in 0..<length where bytes[index + offset] | 0x20 != word.utf8Start[offset] | 0x20 { return false }
        return true
    }

    /// `"script"` or `"style"` when a start tag of that element begins at `index` (just after `<`).
    private static func rawTextElement(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String? {
        for (name, word) in [("script", "script" as StaticString), ("style", "style")] where matches(word, in: bytes, at: index) {
            let after = index + word.utf8CodeUnitCount
            if after < bytes.count, isTagNameEnd(bytes[after]) { return name }
        }
        return nil
    }

    private static func isTagNameEnd(_ byte: UInt8) -> Bool {
        byte == 0x3E || byte == 0x2F || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
    }

    /// The index of the `>` that ends a tag, skipping quoted attribute values.
    private static func endOfTag(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var quote: UInt8 = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Where `</name` next starts, ignoring case.
    private static func closingTag(_ name: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let word: StaticString = name == "script" ? "script" : "style"
        var position = start
        while let open = find(0x3C, in: bytes, from: position) {
            if open + 1 < bytes.count, bytes[open + 1] == 0x2F, matches(word, in: bytes, at: open + 2) { return open }
            position = open + 1
        }
        return nil
    }

    private static func declaresJSON(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard tag.count >= 4 else { return false }
        var index = tag.startIndex
        while index + 4 <= tag.endIndex {
            if tag[index] | 0x20 == 0x6A && tag[index + 1] | 0x20 == 0x73 && tag[index + 2] | 0x20 == 0x6F && tag[index + 3] | 0x20 == 0x6E
            {
                return true
            }
            index += 1
        }
        return false
    }
}
