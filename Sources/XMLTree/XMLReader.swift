internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads XML with libxml2 into an ``XMLTreeElement`` tree, safely for documents from anyone: no network access
/// (`XML_PARSE_NONET`), no external DTD, entities left unexpanded (no `XML_PARSE_NOENT`, so no XXE), and broken
/// documents read as far as they can be repaired (recover mode).
///
/// ```swift
/// let root = XMLReader.parse(Array(feedBytes))    // nil for bytes that hold no element at all
/// ```
public enum XMLReader {
    /// Elements nested deeper than this are left out (libxml2 refuses deeper than 256 anyway).
    public static let maximumDepth = 256

    /// The document's root element, or nil when the bytes hold none.
    public static func parse(_ bytes: [UInt8]) -> XMLTreeElement? {
        _ = libraryReady
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options =
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xmlReadMemory(chars, Int32(buffer.count), "feed.xml", nil, Int32(options))
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return element(root, depth: 0)
    }

    private static let libraryReady: Void = xmlInitParser()

    private static func element(_ node: xmlNodePtr, depth: Int) -> XMLTreeElement {
        var result = XMLTreeElement(name: string(node.pointee.name) ?? "")
        result.namespace = node.pointee.ns.flatMap { string($0.pointee.href) }
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = string(current.pointee.name) { result.attributes[name] = text(of: current.pointee.children) }
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        var text: [UInt8] = []
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE where depth < maximumDepth:
                result.children.append(element(current, depth: depth + 1))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                append(current.pointee.content, to: &text)
            default:
                break
            }
            child = current.pointee.next
        }
        result.text = String(decoding: text, as: UTF8.self)
        return result
    }

    /// The text of a list of text nodes (an attribute's value); entity references are left out.
    private static func text(of first: xmlNodePtr?) -> String {
        var bytes: [UInt8] = []
        var node = first
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE { append(current.pointee.content, to: &bytes) }
            node = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ content: UnsafeMutablePointer<xmlChar>?, to bytes: inout [UInt8]) {
        guard let content else { return }
        bytes.append(
            contentsOf: UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }

    private static func string(_ text: UnsafePointer<xmlChar>?) -> String? {
        guard let text else { return nil }
        return String(cString: UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
    }
}
