/// A node of an ``HTMLDocument``: an element or a run of text.
///
/// Nodes are stored in document order, so an element's descendants are the
/// nodes from its index + 1 up to ``end``.
public struct HTMLNode: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case element, text
    }

    public var kind: Kind
    /// The element's tag; ``HTMLTag/custom`` for text nodes.
    public var tag: HTMLTag
    /// The parent's index; -1 for the root.
    public var parent: Int32
    /// One past the index of the last descendant.
    public var end: Int32
    /// The next sibling's index, or -1.
    public var nextSibling: Int32
    /// Text nodes: the text's byte range in the document's storage. Elements: the range of their attributes,
    /// then (in ``nameStart``) where the element's name starts.
    @usableFromInline var payloadStart: Int32
    @usableFromInline var payloadEnd: Int32
    var nameStart: Int32
    var nameLength: Int32
}

/// One attribute's name and value, as byte ranges in the document's storage.
@usableFromInline
struct HTMLAttributeSlot: Sendable, Hashable {
    @usableFromInline var nameStart: Int32
    @usableFromInline var nameEnd: Int32
    @usableFromInline var valueStart: Int32
    @usableFromInline var valueEnd: Int32
}

/// A parsed HTML page as plain Swift values: nodes in document order over one UTF-8 byte store.
///
/// Index 0 is the ``HTMLTag/document`` root. Element and attribute names are lowercase; text and
/// attribute values have their character references decoded.
public struct HTMLDocument: Sendable {
    public internal(set) var nodes: [HTMLNode]
    @usableFromInline var storage: [UInt8]
    @usableFromInline var attributeSlots: [HTMLAttributeSlot]

    /// The root's index.
    public let root = 0

    /// The indices of a node's children, in order.
    public func children(of node: Int) -> Children { Children(nodes: nodes, first: node + 1 < Int(nodes[node].end) ? node + 1 : -1) }

    /// A text node's text; an element's name.
    public func text(of node: Int) -> String {
        let item = nodes[node]
        guard item.kind == .text else { return name(of: node) }
        return string(Int(item.payloadStart), Int(item.payloadEnd))
    }

    /// A text node's UTF-8 bytes (empty for an element), handed to `body` without a copy.
    @inlinable
    public func withTextBytes<Result>(of node: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let item = nodes[node]
        guard item.kind == .text else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(item.payloadStart)..<Int(item.payloadEnd)]))
        }
    }

    /// An element's lowercase name as written in the page.
    public func name(of node: Int) -> String {
        let item = nodes[node]
        if item.tag != .custom || item.kind == .text { return item.tag.name }
        return string(Int(item.nameStart), Int(item.nameStart + item.nameLength))
    }

    /// The value of an element's attribute, or nil when it has none of that name.
    public func attribute(_ name: String, of node: Int) -> String? {
        guard let slot = attributeSlot(name, of: node) else { return nil }
        return string(Int(slot.valueStart), Int(slot.valueEnd))
    }

    /// The UTF-8 bytes of an element's attribute (nil when it has none of that name), handed to `body` without a copy.
    @inlinable
    public func withAttributeBytes<Result>(
        _ name: String, of node: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Result
    ) rethrows -> Result {
        guard let slot = attributeSlot(name, of: node) else { return try body(nil) }
        return try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(slot.valueStart)..<Int(slot.valueEnd)]))
        }
    }

    /// Whether an element has an attribute of that name.
    @inlinable
    public func hasAttribute(_ name: String, of node: Int) -> Bool { attributeSlot(name, of: node) != nil }

    /// All of an element's attributes, in the order written.
    public func attributes(of node: Int) -> [(name: String, value: String)] {
        let item = nodes[node]
        guard item.kind == .element else { return [] }
        return attributeSlots[Int(item.payloadStart)..<Int(item.payloadEnd)].map {
            (string(Int($0.nameStart), Int($0.nameEnd)), string(Int($0.valueStart), Int($0.valueEnd)))
        }
    }

    /// The text of a node and all its descendants, concatenated.
    public func textContent(of node: Int) -> String {
        var bytes: [UInt8] = []
        for index in node..<Int(nodes[node].end) where nodes[index].kind == .text {
            let item = nodes[index]
            bytes.append(contentsOf: storage[Int(item.payloadStart)..<Int(item.payloadEnd)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The indices of the elements with a tag, in document order.
    public func elements(_ tag: HTMLTag) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].tag == tag }
    }

    @inlinable
    func attributeSlot(_ name: String, of node: Int) -> HTMLAttributeSlot? {
        let item = nodes[node]
        guard item.kind == .element, item.payloadEnd > item.payloadStart else { return nil }
        let wanted = name.utf8
        for slot in attributeSlots[Int(item.payloadStart)..<Int(item.payloadEnd)]
        where Int(slot.nameEnd - slot.nameStart) == wanted.count && storage[Int(slot.nameStart)..<Int(slot.nameEnd)].elementsEqual(wanted) {
            return slot
        }
        return nil
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: storage[start..<end], as: UTF8.self)
    }

    /// The children of a node, following sibling links.
    public struct Children: Sequence, IteratorProtocol {
        let nodes: [HTMLNode]
        var upcoming: Int

        init(nodes: [HTMLNode], first: Int) {
            self.nodes = nodes
            self.upcoming = first
        }

        public mutating func next() -> Int? {
            guard upcoming >= 0 else { return nil }
            defer { upcoming = Int(nodes[upcoming].nextSibling) }
            return upcoming
        }
    }
}
