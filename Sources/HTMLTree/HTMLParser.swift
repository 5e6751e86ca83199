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
    /// Parses a page given as UTF-8 bytes (without a byte order mark).
    ///
    /// Script and style contents are skipped before parsing, except scripts whose type names JSON
    /// (`application/ld+json`), which stay as the text of their element; comments are dropped.
    public static func parse(_ utf8: [UInt8]) -> HTMLDocument {
        _ = libraryReady
        var input = RawTextElider.elide(utf8)
        let builder = TreeBuilder(capacity: input.count)
        guard !input.isEmpty else { return builder.finish() }
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
                context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
                xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                let options =
                    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                _ = htmlCtxtUseOptions(context, Int32(options))
                _ = htmlParseDocument(context)
            }
        }
        return builder.finish()
    }

    private static let libraryReady: Void = xmlInitParser()
}

private func builder(_ context: UnsafeMutableRawPointer?) -> TreeBuilder? {
    context.map { Unmanaged<TreeBuilder>.fromOpaque($0).takeUnretainedValue() }
}

private func startElement(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let name else { return }
    builder(context)?.start(name, attributes)
}

private func endElement(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    guard let name else { return }
    builder(context)?.end(name)
}

private func characters(_ context: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let text, length > 0 else { return }
    builder(context)?.characters(UnsafeBufferPointer(start: text, count: Int(length)))
}

/// Turns parser events into nodes in document order.
private final class TreeBuilder {
    var nodes: [HTMLNode]
    var storage: [UInt8] = []
    var attributeSlots: [HTMLAttributeSlot] = []
    /// The open elements, outermost first, with the name pointer each was opened with and its last child so far.
    var openElements: [Int32] = [0]
    var openNames: [UnsafePointer<xmlChar>?] = [nil]
    var lastChildren: [Int32] = [-1]
    /// Element names come from the parser's dictionary, so a name's pointer identifies it within one parse.
    var tagsByName: [UnsafePointer<xmlChar>: HTMLTag] = [:]

    init(capacity: Int) {
        nodes = [
            HTMLNode(
                kind: .element, tag: .document, parent: -1, end: 1, nextSibling: -1, payloadStart: 0, payloadEnd: 0,
                nameStart: 0, nameLength: 0)
        ]
        nodes.reserveCapacity(capacity / 40)
        storage.reserveCapacity(capacity / 3)
    }

    func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
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
                let valueEnd = valueStart + Int32(pair[1].map(store) ?? 0)
                attributeSlots.append(HTMLAttributeSlot(nameStart: nameStart, nameEnd: nameEnd, valueStart: valueStart, valueEnd: valueEnd))
                pair += 2
            }
        }
        let index = append(
            HTMLNode(
                kind: .element, tag: tag, parent: openElements.last!, end: 0, nextSibling: -1, payloadStart: firstAttribute,
                payloadEnd: Int32(attributeSlots.count), nameStart: nameStart, nameLength: nameLength))
        openElements.append(index)
        openNames.append(name)
        lastChildren.append(-1)
    }

    func end(_ name: UnsafePointer<xmlChar>) {
        var level = openElements.count - 1
        while level > 0 && openNames[level] != name && xmlStrEqual(openNames[level], name) == 0 {
            level -= 1
        }
        guard level > 0 else { return }
        while openElements.count > level { closeInnermost() }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        let last = nodes.count - 1
        if nodes[last].kind == .text && lastChildren[lastChildren.count - 1] == Int32(last) {
            storage.append(contentsOf: text)
            nodes[last].payloadEnd = Int32(storage.count)
            return
        }
        let start = Int32(storage.count)
        storage.append(contentsOf: text)
        _ = append(
            HTMLNode(
                kind: .text, tag: .custom, parent: openElements.last!, end: Int32(nodes.count + 1), nextSibling: -1,
                payloadStart: start, payloadEnd: Int32(storage.count), nameStart: 0, nameLength: 0))
    }

    func finish() -> HTMLDocument {
        while openElements.count > 1 { closeInnermost() }
        nodes[0].end = Int32(nodes.count)
        return HTMLDocument(nodes: nodes, storage: storage, attributeSlots: attributeSlots)
    }

    private func append(_ node: HTMLNode) -> Int32 {
        let index = Int32(nodes.count)
        let level = lastChildren.count - 1
        let previous = lastChildren[level]
        if previous >= 0 { nodes[Int(previous)].nextSibling = index }
        lastChildren[level] = index
        nodes.append(node)
        return index
    }

    private func closeInnermost() {
        nodes[Int(openElements.removeLast())].end = Int32(nodes.count)
        openNames.removeLast()
        lastChildren.removeLast()
    }

    private func tag(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
        if let known = tagsByName[name] { return known }
        let tag = HTMLTag(name: String(cString: name))
        tagsByName[name] = tag
        return tag
    }

    /// Appends a C string's bytes to the storage; returns how many.
    private func store(_ text: UnsafePointer<xmlChar>) -> Int {
        let count = strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
        storage.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
        return count
    }
}
