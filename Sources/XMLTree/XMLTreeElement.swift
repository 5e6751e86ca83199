/// An element of an XML document as plain Swift values: its local name, its namespace, its attributes, its child
/// elements and the text directly inside it.
///
/// ```swift
/// let root = XMLReader.parse(Array("<rss><channel><title>News</title></channel></rss>".utf8))
/// print(root?.child("channel")?.child("title")?.text ?? "")   // News
/// ```
public struct XMLTreeElement: Sendable, Hashable {
    /// The name without its prefix: `link` for `<atom:link>`.
    public var name: String
    /// The namespace's URI, or nil for an element in no namespace.
    public var namespace: String?
    /// Attribute values by name without prefix.
    public var attributes: [String: String]
    public var children: [XMLTreeElement]
    /// The text and CDATA directly inside the element, joined; entity references left undeclared or unexpanded are
    /// dropped.
    public var text: String

    public init(
        name: String, namespace: String? = nil, attributes: [String: String] = [:], children: [XMLTreeElement] = [], text: String = ""
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child element of a local name, in any namespace.
    public func child(_ name: String) -> XMLTreeElement? { children.first { $0.name == name } }

    /// The child elements of a local name, in any namespace.
    public func children(_ name: String) -> [XMLTreeElement] { children.filter { $0.name == name } }

    /// The text of the first child of that name, trimmed of white space; nil when there is no such child or it is empty.
    public func childText(_ name: String) -> String? {
        guard let text = child(name)?.text.trimmed, !text.isEmpty else { return nil }
        return text
    }
}

extension String {
    /// Without white space at either end (spaces, tabs, line breaks).
    var trimmed: String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
