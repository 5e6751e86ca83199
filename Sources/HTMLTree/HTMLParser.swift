internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads HTML with libxml2's HTML parser (its SAX interface, so no libxml2 tree is built) into an ``HTMLDocument``.
///
/// The parser repairs what browsers repair: unclosed paragraphs and list items, stray end tags,
/// missing `<html>` and `<body>`, truncated pages.
public enum HTMLParser {
    /// Parses a page given as UTF-8 bytes (without a byte order mark), keeping the attributes `attributes` names.
    ///
    /// Script and style contents are skipped before parsing, except scripts whose type names JSON
    /// (`application/ld+json`), which stay as the text of their element; comments are dropped.
    /// With `collapsingWhitespace`, each run of white space in text keeps only its first byte, as a
    /// reader who collapses white space anyway sees no difference.
    public static func parse(_ utf8: [UInt8], attributes: AttributeFilter = .all, collapsingWhitespace: Bool = false) -> HTMLDocument {
        _ = libraryReady
        var input = Prefilter.apply(utf8, attributes: attributes, collapsingWhitespace: collapsingWhitespace)
        var builder = TreeBuilder(capacity: input.count)
        guard !input.isEmpty else { return builder.finish() }
        withUnsafeMutablePointer(to: &builder) { builderPointer in
            input.withUnsafeMutableBufferPointer { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                    guard let context = htmlCreateMemoryParserCtxt(chars, Int32(clamping: bytes.count)) else { return }
                    defer { htmlFreeParserCtxt(context) }
                    var handler = htmlSAXHandler()
                    handler.startElement = startElement
                    handler.endElement = endElement
                    handler.characters = characters
                    handler.ignorableWhitespace = characters
                    handler.cdataBlock = characters
                    context.pointee.sax.pointee = handler
                    context.pointee.userData = UnsafeMutableRawPointer(builderPointer)
                    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                    let options =
                        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                    _ = htmlCtxtUseOptions(context, Int32(options))
                    _ = htmlParseDocument(context)
                }
            }
        }
        return builder.finish()
    }

    private static let libraryReady: Void = xmlInitParser()
}

/// The tree builder behind a parser callback's context pointer.
private func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<TreeBuilder>? {
    context?.assumingMemoryBound(to: TreeBuilder.self)
}

private func startElement(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let name else { return }
    builder(context)?.pointee.start(name, attributes)
}

private func endElement(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    guard let name else { return }
    builder(context)?.pointee.end(name)
}

private func characters(_ context: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let text, length > 0 else { return }
    builder(context)?.pointee.characters(UnsafeBufferPointer(start: text, count: Int(length)))
}

/// Turns parser events into nodes in document order.
///
/// A value reached through the parser's context pointer, not a class: the callbacks then pay for no
/// reference counting or exclusivity checks.
private struct TreeBuilder {
    /// An open element, the name pointer it was opened with, and its last child so far.
    struct OpenElement {
        var node: Int32
        var name: UnsafePointer<xmlChar>?
        var lastChild: Int32
    }

    var nodes: [HTMLNode]
    var storage: [UInt8] = []
    var attributeSlots: [HTMLAttributeSlot] = []
    /// The open elements, outermost first.
    var open: [OpenElement] = [OpenElement(node: 0, name: nil, lastChild: -1)]
    /// Element names come from the parser's dictionary, so a name's pointer identifies it within one parse:
    /// a small open-addressing table from pointers to tags.
    var cachedNames = [UnsafePointer<xmlChar>?](repeating: nil, count: 256)
    var cachedTags = [HTMLTag](repeating: .custom, count: 256)

    init(capacity: Int) {
        nodes = [
            HTMLNode(
                kind: .element, tag: .document, parent: -1, end: 1, nextSibling: -1, payloadStart: 0, payloadEnd: 0,
                nameStart: 0, nameLength: 0)
        ]
        nodes.reserveCapacity(capacity / 40)
        storage.reserveCapacity(capacity / 3)
        open.reserveCapacity(64)
    }

    mutating func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let tag = tag(name)
        var nameStart: Int32 = 0
        var nameLength: Int32 = 0
        if tag == .custom {
            nameStart = Int32(storage.count)
            nameLength = Int32(store(name))
        }
        let firstAttribute = Int32(attributeSlots.count)
        if var pair = attributes {
            while let attributeName = pair[0] {
                let nameStart = Int32(storage.count)
                let nameEnd = nameStart + Int32(store(attributeName))
                let valueStart = Int32(storage.count)
                let valueEnd = valueStart + Int32(pair[1].map { store($0) } ?? 0)
                attributeSlots.append(HTMLAttributeSlot(nameStart: nameStart, nameEnd: nameEnd, valueStart: valueStart, valueEnd: valueEnd))
                pair += 2
            }
        }
        let index = append(
            HTMLNode(
                kind: .element, tag: tag, parent: open[open.count - 1].node, end: 0, nextSibling: -1, payloadStart: firstAttribute,
                payloadEnd: Int32(attributeSlots.count), nameStart: nameStart, nameLength: nameLength))
        open.append(OpenElement(node: index, name: name, lastChild: -1))
    }

    mutating func end(_ name: UnsafePointer<xmlChar>) {
        var level = open.count - 1
        while level > 0 && open[level].name != name && xmlStrEqual(open[level].name, name) == 0 {
            level -= 1
        }
        guard level > 0 else { return }
        while open.count > level { closeInnermost() }
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        let last = nodes.count - 1
        storage.append(contentsOf: text)
        if nodes[last].kind == .text && open[open.count - 1].lastChild == Int32(last) {
            nodes[last].payloadEnd = Int32(storage.count)
            return
        }
        _ = append(
            HTMLNode(
                kind: .text, tag: .custom, parent: open[open.count - 1].node, end: Int32(nodes.count + 1), nextSibling: -1,
                payloadStart: Int32(storage.count - text.count), payloadEnd: Int32(storage.count), nameStart: 0, nameLength: 0))
    }

    mutating func finish() -> HTMLDocument {
        while open.count > 1 { closeInnermost() }
        nodes[0].end = Int32(nodes.count)
        return HTMLDocument(nodes: nodes, storage: storage, attributeSlots: attributeSlots)
    }

    private mutating func append(_ node: HTMLNode) -> Int32 {
        let index = Int32(nodes.count)
        let previous = open[open.count - 1].lastChild
        if previous >= 0 { nodes[Int(previous)].nextSibling = index }
        open[open.count - 1].lastChild = index
        nodes.append(node)
        return index
    }

    private mutating func closeInnermost() {
        nodes[Int(open.removeLast().node)].end = Int32(nodes.count)
    }

    private mutating func tag(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
        var slot = Int(truncatingIfNeeded: UInt(bitPattern: name) >> 4) & 255
        for _ in 0..<8 {
            guard let cached = cachedNames[slot] else {
                let tag = HTMLTag(name: String(cString: name))
                cachedNames[slot] = name
                cachedTags[slot] = tag
                return tag
            }
            if cached == name { return cachedTags[slot] }
            slot = (slot + 1) & 255
        }
        return HTMLTag(name: String(cString: name))
    }

    /// Appends a C string's bytes to the storage; returns how many.
    private mutating func store(_ text: UnsafePointer<xmlChar>) -> Int {
        let count = strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
        storage.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
        return count
    }
}
