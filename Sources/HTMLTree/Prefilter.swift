#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The attributes a parse keeps: every one, or only those a reader of the tree asks for.
///
/// Pages spend most of their markup on attributes nobody reads (`srcset`, `data-*`, `onclick`, SVG paths);
/// dropping them before libxml2 sees them saves most of the parse.
public struct AttributeFilter: Sendable {
    let keepsAll: Bool
    let everywhere: [[UInt8]]
    let byElement: [(element: [UInt8], names: [[UInt8]])]

    /// Keeps every attribute.
    public static let all = AttributeFilter(keepsAll: true, everywhere: [], byElement: [])

    /// Keeps the lowercase `names` on every element, and `elements[name]` on the elements of that lowercase name.
    public init(keeping names: Set<String>, on elements: [String: Set<String>] = [:]) {
        self.init(
            keepsAll: false, everywhere: names.map { Array($0.utf8) },
            byElement: elements.map { (Array($0.key.utf8), $0.value.map { Array($0.utf8) }) })
    }

    private init(keepsAll: Bool, everywhere: [[UInt8]], byElement: [(element: [UInt8], names: [[UInt8]])]) {
        self.keepsAll = keepsAll
        self.everywhere = everywhere
        self.byElement = byElement
    }

    /// Whether `name` (bytes as written, any case) is one of `list`.
    static func contains(_ list: [[UInt8]], _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = name.first.map(lowercased) else { return false }
        return list.contains { entry in
            entry.count == name.count && entry[0] == first && !zip(entry, name).contains { $0 != lowercased($1) }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}

/// Drops what no reader of the tree sees before the parser runs: comments, the contents of `<script>` and
/// `<style>` elements (often half a page's bytes), the attributes an ``AttributeFilter`` leaves out, and
/// (when asked) all but the first byte of each run of white space in text.
/// JSON scripts (`application/ld+json`) are kept, and NUL bytes, which end libxml2's input early, become spaces.
///
/// Start tags are read as libxml2's `htmlParseStartTag` reads them, so an attribute is cut out only where
/// libxml2 would see that same attribute, and the rest of the tag parses as before.
enum Prefilter {
    static func apply(_ input: [UInt8], attributes filter: AttributeFilter, collapsingWhitespace: Bool) -> [UInt8] {
        var input = input
        if memchr(input, 0, input.count) != nil {
            for index in input.indices where input[index] == 0 { input[index] = 0x20 }
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        input.withUnsafeBufferPointer { bytes in
            var pass = Pass(bytes: bytes, filter: filter, collapsesWhitespace: collapsingWhitespace, output: output)
            output = []
            pass.run()
            output = pass.output
        }
        return output
    }

    /// Open elements past which start tags are dropped (with their end tags): far deeper than any page nests.
    static let maximumDepth = 256

    /// Elements that do not nest: void, raw text, or closed by the next of their kind.
    static let flatElements: [[UInt8]] = [
        "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr", "script", "style", "textarea", "title", "p", "li", "dt", "dd", "tr", "td", "th", "tbody",
        "thead", "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp",
    ].map { Array($0.utf8) }

    /// Elements whose content libxml2 reads as text, not markup.
    private enum RawText {
        case script, style

        var name: StaticString { self == .script ? "script" : "style" }
    }

    private struct Pass {
        let bytes: UnsafeBufferPointer<UInt8>
        let filter: AttributeFilter
        let collapsesWhitespace: Bool
        var output: [UInt8]
        /// Bytes before this index are in the output or dropped.
        var copiedUpTo = 0
        /// Elements open (those that nest: not void, raw text or closed by the next of their kind), as far as the
        /// tags tell, and how many start tags past ``maximumDepth`` were dropped, whose end tags go too.
        var depth = 0
        var droppedDeep = 0

        init(bytes: UnsafeBufferPointer<UInt8>, filter: AttributeFilter, collapsesWhitespace: Bool, output: [UInt8]) {
            self.bytes = bytes
            self.filter = filter
            self.collapsesWhitespace = collapsesWhitespace
            self.output = output
        }

        mutating func run() {
            let count = bytes.count
            var position = 0
            var textEnd = count
            while let open = find(0x3C, from: position) {
                collapseWhitespace(in: position..<open)
                if matches("!--", at: open + 1) {
                    drop(open..<min(count, (endOfComment(from: open + 4) ?? count) + 3))
                    position = copiedUpTo
                    continue
                }
                if open + 2 < count, bytes[open + 1] == 0x2F, isLetter(bytes[open + 2]), nests(open + 2) {
                    if droppedDeep > 0, let end = find(0x3E, from: open + 2) {
                        droppedDeep -= 1
                        drop(open..<(end + 1))
                        position = end + 1
                        continue
                    }
                    depth = max(0, depth - 1)
                }
                guard open + 1 < count, isLetter(bytes[open + 1]) else {
                    position = open + 1
                    continue
                }
                guard let (tagEnd, attributes) = startTag(at: open) else {
                    // The text before the cut-off tag is collapsed already: the rest is copied as it is.
                    textEnd = open
                    position = open
                    break
                }
                position = tagEnd + 1
                if nests(open + 1) && bytes[tagEnd - 1] != 0x2F {
                    // libxml2 looks through every open element at each tag: past a depth no page reaches, a start tag
                    // and its end tag are dropped, so that time stays linear in the page.
                    if depth >= Prefilter.maximumDepth {
                        droppedDeep += 1
                        drop(open..<(tagEnd + 1))
                        continue
                    }
                    depth += 1
                }
                for range in attributes { drop(range) }
                guard let element = rawTextElement(at: open + 1) else { continue }
                let close = closingTag(element.name, from: tagEnd + 1) ?? count
                if !(element == .script && declaresJSON(open..<tagEnd)) { drop(tagEnd + 1..<close) }
                position = max(close, tagEnd + 1)
            }
            if position < textEnd { collapseWhitespace(in: position..<textEnd) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<count]))
        }

        /// Drops all but the first byte of each run of blanks in the text between tags.
        private mutating func collapseWhitespace(in text: Range<Int>) {
            guard collapsesWhitespace else { return }
            var index = text.lowerBound
            while index < text.upperBound {
                guard isBlank(bytes[index]) else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < text.upperBound && isBlank(bytes[end]) { end += 1 }
                if end - index > 1 { drop((index + 1)..<end) }
                index = end
            }
        }

        /// Reads the start tag at `open` as libxml2 does: the index of its `>` and the attributes the filter leaves out,
        /// or nil when the input ends first.
        private func startTag(at open: Int) -> (end: Int, attributes: [Range<Int>])? {
            let count = bytes.count
            var dropped: [Range<Int>] = []
            var index = nameEnd(from: open + 1)
            let element = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<index])
            let extra = filter.byElement.first { AttributeFilter.contains([$0.element], element) }?.names ?? []
            index = blanksEnd(from: index)
            while index < count, bytes[index] != 0x3E, !(bytes[index] == 0x2F && index + 1 < count && bytes[index + 1] == 0x3E) {
                let start = index
                if isNameStart(bytes[index]) {
                    let end = nameEnd(from: index)
                    let name = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    index = end
                    let afterBlanks = blanksEnd(from: index)
                    if afterBlanks < count && bytes[afterBlanks] == 0x3D {
                        index = valueEnd(from: blanksEnd(from: afterBlanks + 1))
                    }
                    if !filter.keepsAll && !AttributeFilter.contains(filter.everywhere, name) && !AttributeFilter.contains(extra, name) {
                        dropped.append(start..<index)
                    }
                } else {
                    // libxml2 skips what is not an attribute up to a blank or the tag's end.
                    while index < count, !isBlank(bytes[index]), bytes[index] != 0x3E,
                        !(bytes[index] == 0x2F && index + 1 < count && bytes[index + 1] == 0x3E)
                    {
                        index += 1
                    }
                }
                index = blanksEnd(from: index)
            }
            // A tag the input cuts short keeps its bytes: the text before it is still to be read.
            guard index < count else { return nil }
            return (bytes[index] == 0x3E ? index : index + 1, dropped)
        }

        /// Whether the element whose name starts at `index` nests: not void ("br"), raw text ("script") or closed by
        /// the next of its kind ("p", "li").
        private func nests(_ index: Int) -> Bool {
            let name = UnsafeBufferPointer(rebasing: bytes[index..<nameEnd(from: index)])
            return !AttributeFilter.contains(Prefilter.flatElements, name)
        }

        /// Where a name (an element's or an attribute's) ends: libxml2 reads at most 100 bytes of letters, digits and `:-_.`.
        private func nameEnd(from start: Int) -> Int {
            var index = start
            let limit = min(bytes.count, start + 100)
            while index < limit {
                let byte = bytes[index]
                guard isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D else { break }
                index += 1
            }
            return index
        }

        /// Where an attribute value starting at `start` ends: after its closing quote, or at a blank or `>` when unquoted.
        private func valueEnd(from start: Int) -> Int {
            let count = bytes.count
            guard start < count else { return count }
            let quote = bytes[start]
            if quote == 0x22 || quote == 0x27 { return find(quote, from: start + 1).map { $0 + 1 } ?? count }
            var index = start
            while index < count, !isBlank(bytes[index]), bytes[index] != 0x3E { index += 1 }
            return index
        }

        private func blanksEnd(from start: Int) -> Int {
            var index = start
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            return index
        }

        private mutating func drop(_ range: Range<Int>) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<range.lowerBound]))
            copiedUpTo = range.upperBound
        }

        private func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start) else { return nil }
            return UnsafeRawPointer(bytes.baseAddress!).distance(to: found)
        }

        /// Where the next `-->` starts.
        private func endOfComment(from start: Int) -> Int? {
            var position = start + 2
            while let close = find(0x3E, from: position) {
                if bytes[close - 1] == 0x2D && bytes[close - 2] == 0x2D { return close - 2 }
                position = close + 1
            }
            return nil
        }

        /// Whether the bytes at `index` spell `word`, ignoring ASCII case.
        private func matches(_ word: StaticString, at index: Int) -> Bool {
            let length = word.utf8CodeUnitCount
            guard index + length <= bytes.count else { return false }
            for offset in 0..<length where bytes[index + offset] | 0x20 != word.utf8Start[offset] | 0x20 { return false }
            return true
        }

        /// The raw-text element whose name starts at `index`, if it is one.
        private func rawTextElement(at index: Int) -> RawText? {
            for element in [RawText.script, .style] where matches(element.name, at: index) {
                let after = index + element.name.utf8CodeUnitCount
                if after < bytes.count, isBlank(bytes[after]) || bytes[after] == 0x3E || bytes[after] == 0x2F || bytes[after] == 0x0C {
                    return element
                }
            }
            return nil
        }

        /// Where `</name` next starts, ignoring case.
        private func closingTag(_ word: StaticString, from start: Int) -> Int? {
            var position = start
            while let open = find(0x3C, from: position) {
                if open + 1 < bytes.count, bytes[open + 1] == 0x2F, matches(word, at: open + 2) { return open }
                position = open + 1
            }
            return nil
        }

        /// Whether a tag mentions JSON (`type="application/ld+json"`).
        private func declaresJSON(_ tag: Range<Int>) -> Bool {
            var index = tag.lowerBound
            while index + 4 <= tag.upperBound {
                if matches("json", at: index) { return true }
                index += 1
            }
            return false
        }

        private func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }

        private func isNameStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == 0x5F || byte == 0x3A || byte == 0x2E }

        private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
    }
}
