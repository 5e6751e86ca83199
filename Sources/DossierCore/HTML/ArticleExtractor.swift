import HTMLTree

/// Finds the article in a parsed page: the paragraphs, headings, list items and quotes a
/// reader reads, without navigation, teasers, share bars, comments or ads.
///
/// The page is cut into text blocks (each run of text between block-level tags). A block
/// that is long enough and not made of links is article-like; its length counts for every
/// element that holds it. The article's container is the smallest element that still holds
/// most of that weight, so teasers and comments beside the article fall away; inside it,
/// blocks marked as furniture by their class, id or role (``BoilerplateNames``), and runs of
/// links, are left out. Figure captions are kept apart.
public struct ArticleExtractor: Sendable {
    /// The share of the page's article-like text an element must hold to be the article's holder.
    public var containerShare = 0.7
    /// The share of the holder's article-like text its heaviest part must hold.
    public var partShare = 0.2
    /// A sibling of the article's element is part of the article when it holds this share of that element's article-like text.
    public var siblingShare = 0.25
    /// Blocks with at least this share of their text in links are link lists, not text.
    public var maxLinkDensity = 0.5
    public let names: BoilerplateNames

    public init(names: BoilerplateNames = .standard) {
        self.names = names
    }

    /// The article's paragraphs (headings and list items are paragraphs too) and the captions beside them.
    public func extract(_ page: HTMLDocument) -> (paragraphs: [String], captions: [String]) {
        var reader = BlockReader(page: page, names: names)
        reader.read()
        let blocks = reader.blocks
        let furniture = furnitureBlocks(blocks, flags: reader.parentFlags, page: page)
        let containers = articleContainers(blocks, furniture: furniture, page: page)
        var paragraphs: [String] = []
        var captions: [String] = []
        for (index, block) in blocks.enumerated() where containers.contains(where: { $0.contains(Int(block.container)) }) {
            let text = String(decoding: block.text, as: UTF8.self)
            if block.kind == .caption {
                if !captions.contains(text) { captions.append(text) }
                continue
            }
            if furniture[index] || block.linkDensity > maxLinkDensity { continue }
            paragraphs.append(text)
        }
        return (paragraphs, captions)
    }

    /// Which blocks lie inside furniture. An element marked as furniture that holds half the page's
    /// article-like text is the article after all (a `main has-sidebar` wrapper) and is not counted.
    private func furnitureBlocks(_ blocks: [TextBlock], flags: [Int32: Int32], page: HTMLDocument) -> [Bool] {
        var weights: [Int32: Int] = [:]
        var total = 0
        for block in blocks where block.isArticleLike {
            total += block.weight
            var flag = block.innermostFlag
            while flag >= 0 {
                weights[flag, default: 0] += block.weight
                flag = flags[flag] ?? -1
            }
        }
        let rescued = Set(weights.filter { Double($0.value) >= 0.5 * Double(total) }.keys)
        return blocks.map { block in
            var flag = block.innermostFlag
            while flag >= 0 {
                if !rescued.contains(flag) { return true }
                flag = flags[flag] ?? -1
            }
            return false
        }
    }

    /// The elements that hold the article: the one whose own paragraphs weigh most, with those of its
    /// siblings that hold a good share of article-like text too (an article cut in two by an ad).
    ///
    /// A block's weight counts fully for the element that holds its paragraph and half for the one above,
    /// so a column of teasers, each in its own box, weighs less than one article of the same length.
    private func articleContainers(_ blocks: [TextBlock], furniture: [Bool], page: HTMLDocument) -> [Range<Int>] {
        var subtree = [Int](repeating: 0, count: page.nodes.count)
        var concentrated = [Double](repeating: 0, count: page.nodes.count)
        var blocksIn: [Int32: Int] = [:]
        for block in blocks { blocksIn[block.container, default: 0] += 1 }
        // Elements that are one paragraph of running text: a `p` and its kin, or a `div` that holds one run of text
        // (`div.body__paragraph`).
        var paragraphs = Set<Int>()
        for (index, block) in blocks.enumerated() where block.isArticleLike && !furniture[index] {
            var node = Int(block.container)
            if Self.paragraphTags.contains(page.nodes[node].tag) || (page.nodes[node].tag == .div && blocksIn[block.container] == 1) {
                paragraphs.insert(node)
                if page.nodes[node].parent >= 0 { node = Int(page.nodes[node].parent) }
            }
            concentrated[node] += Double(block.weight)
            let grandparent = Int(page.nodes[node].parent)
            if grandparent >= 0 { concentrated[grandparent] += Double(block.weight) / 2 }
            node = Int(block.container)
            while node >= 0 {
                subtree[node] += block.weight
                node = Int(page.nodes[node].parent)
            }
        }
        guard let top = concentrated.indices.max(by: { concentrated[$0] < concentrated[$1] }), concentrated[top] > 0 else {
            return [page.root..<page.nodes.count]
        }
        // The smallest element that holds most of the article-like text is the article when the heaviest
        // element lies inside it and is a good part of it (an article cut into parts by ads or pull quotes).
        // Paragraphs before the heaviest element are the article's lead (before a `div.read-all`): the holder stops above
        // them.
        var holder = page.root
        while let heaviest = page.children(of: holder).max(by: { subtree[$0] < subtree[$1] }),
            Double(subtree[heaviest]) >= containerShare * Double(subtree[page.root]),
            !page.children(of: holder).contains(where: { $0 < heaviest && paragraphs.contains($0) })
        {
            holder = heaviest
        }
        if holder <= top && top < Int(page.nodes[holder].end) && Double(subtree[top]) >= partShare * Double(subtree[holder]) {
            return [holder..<Int(page.nodes[holder].end)]
        }
        // Wrappers around the heaviest element hold nothing else of weight (a `div.article__block` around each part's
        // `div.text`): the article's other parts are the siblings of the outermost wrapper.
        var part = top
        while page.nodes[part].parent >= 0 {
            let parent = Int(page.nodes[part].parent)
            guard !page.children(of: parent).contains(where: { $0 != part && subtree[$0] > 0 }) else { break }
            part = parent
        }
        let parent = Int(page.nodes[part].parent)
        guard parent >= 0 else { return [part..<Int(page.nodes[part].end)] }
        return page.children(of: parent).compactMap { sibling in
            let isPart = sibling == part || Double(subtree[sibling]) >= siblingShare * Double(subtree[part])
            return isPart ? sibling..<Int(page.nodes[sibling].end) : nil
        }
    }

    /// Elements that hold one paragraph's text.
    private static let paragraphTags: TagSet = [.p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .blockquote, .pre, .td, .th, .dd, .dt]
}

/// A run of text between block-level tags, whitespace collapsed.
struct TextBlock {
    enum Kind: UInt8 {
        case paragraph, heading, listItem, quote, preformatted, cell, caption
    }

    var text: [UInt8]
    var kind: Kind
    /// The innermost block-level element holding the text.
    var container: Int32
    /// How many of the text's bytes are inside links.
    var linkBytes: Int
    /// The innermost element whose names mark it as furniture, or -1.
    var innermostFlag: Int32
    var words: Int

    var linkDensity: Double { text.isEmpty ? 0 : Double(linkBytes) / Double(text.count) }

    /// Running text: long enough (ten words, or 200 bytes in scripts written without spaces), and not a list of links.
    var isArticleLike: Bool {
        (kind == .paragraph || kind == .quote || kind == .preformatted || kind == .cell) && (words >= 10 || text.count >= 200)
            && linkDensity < 0.25
    }

    /// What an article-like block counts for: its text outside links.
    var weight: Int { text.count - linkBytes }
}

/// One pass over a page in document order, cutting its visible text into blocks.
private struct BlockReader {
    let page: HTMLDocument
    let names: BoilerplateNames
    var blocks: [TextBlock] = []
    /// For each element marked as furniture, the next one out (or -1).
    var parentFlags: [Int32: Int32] = [:]

    private struct OpenElement {
        var node: Int32
        var end: Int32
        var isBlock: Bool
        var isLink: Bool
        var isCaption: Bool
        var isFlagged: Bool
        /// What the open elements up to this one add up to, kept as each opens so that a page nested thousands deep is
        /// not walked again for each block: the innermost block and flagged element (-1 for none), whether in a caption.
        var innermostBlock: Int32
        var innermostFlagged: Int32
        var withinCaption: Bool
    }

    private var open: [OpenElement] = []
    private var text: [UInt8] = []
    private var linkBytes = 0
    private var linkDepth = 0

    init(page: HTMLDocument, names: BoilerplateNames) {
        self.page = page
        self.names = names
    }

    mutating func read() {
        let nodes = page.nodes
        var index = 0
        while index < nodes.count {
            while let last = open.last, Int(last.end) <= index { close() }
            let node = nodes[index]
            if node.kind == .text {
                append(index)
                index += 1
                continue
            }
            if Self.hiddenTags.contains(node.tag) || isHidden(index) {
                index = Int(node.end)
                continue
            }
            if node.tag == .br {
                if text.last == 0x0A { flush() } else if !text.isEmpty { text.append(0x0A) }
                index += 1
                continue
            }
            let isBlock = Self.blockTags.contains(node.tag)
            if isBlock { flush() }
            // The classes of <html> and <body> describe the page (often as dozens of feature flags), not a part of it.
            let verdict = node.tag == .html || node.tag == .body ? .neutral : verdict(index)
            // A caption is a small element; a large one named so holds more than a caption.
            let isCaption = node.tag == .figcaption || (verdict == .caption && Int(node.end) - index < 40)
            let isFlagged = verdict == .furniture || Self.furnitureTags.contains(node.tag)
            if isFlagged { parentFlags[Int32(index)] = innermostFlag }
            let isLink = node.tag == .a
            if isLink { linkDepth += 1 }
            let outer = open.last
            open.append(
                OpenElement(
                    node: Int32(index), end: node.end, isBlock: isBlock, isLink: isLink, isCaption: isCaption, isFlagged: isFlagged,
                    innermostBlock: isBlock ? Int32(index) : outer?.innermostBlock ?? -1,
                    innermostFlagged: isFlagged ? Int32(index) : outer?.innermostFlagged ?? -1,
                    withinCaption: isCaption || outer?.withinCaption == true))
            index += 1
        }
        while !open.isEmpty { close() }
        flush()
    }

    /// Elements whose content is never read: metadata, scripts, media, forms' controls, navigation.
    private static let hiddenTags: TagSet = [
        .head, .script, .style, .noscript, .template, .svg, .canvas, .iframe, .object, .embed, .video, .audio, .select,
        .option, .textarea, .input, .button, .nav, .map, .dialog, .title, .meta, .link, .frameset, .frame,
    ]

    /// Elements that are furniture whatever their names: page headers and footers, asides.
    private static let furnitureTags: TagSet = [.aside, .footer, .header]

    private static let blockTags: TagSet = [
        .document, .html, .body, .address, .article, .aside, .blockquote, .center, .dd, .details, .div, .dl, .dt,
        .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hgroup, .hr, .li,
        .main, .menu, .ol, .p, .pre, .section, .summary, .table, .tbody, .td, .tfoot, .th, .thead, .tr, .ul, .caption,
        .legend, .search, .dialog,
    ]

    private static let kinds: [TextBlock.Kind?] = HTMLTag.allCases.map { Self.kindsByTag[$0] }

    private static let kindsByTag: [HTMLTag: TextBlock.Kind] = [
        .p: .paragraph, .h1: .heading, .h2: .heading, .h3: .heading, .h4: .heading, .h5: .heading, .h6: .heading,
        .li: .listItem, .dd: .listItem, .dt: .listItem, .blockquote: .quote, .pre: .preformatted, .td: .cell, .th: .cell,
        .caption: .caption,
    ]

    private var innermostFlag: Int32 { open.last?.innermostFlagged ?? -1 }

    private mutating func close() {
        if open[open.count - 1].isBlock { flush() }
        if open.removeLast().isLink { linkDepth -= 1 }
    }

    /// Adds a text node's text, collapsing runs of white space.
    private mutating func append(_ node: Int) {
        let before = text.count
        page.withTextBytes(of: node) { bytes in
            var afterSpace = text.last.map { $0 == 0x20 || $0 == 0x0A } ?? true
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { collapsed in
                var count = 0
                for byte in bytes {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                        if afterSpace { continue }
                        collapsed[count] = 0x20
                        afterSpace = true
                    } else {
                        collapsed[count] = byte
                        afterSpace = false
                    }
                    count += 1
                }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: collapsed[..<count]))
            }
        }
        if linkDepth > 0 { linkBytes += text.count - before }
    }

    private mutating func flush() {
        while let last = text.last, last == 0x20 || last == 0x0A { text.removeLast() }
        defer {
            text.removeAll(keepingCapacity: true)
            linkBytes = 0
        }
        guard !text.isEmpty else { return }
        var words = 1
        for byte in text where byte == 0x20 || byte == 0x0A { words += 1 }
        let container = max(open.last?.innermostBlock ?? 0, 0)
        let kind = open.last?.withinCaption == true ? .caption : Self.kinds[Int(page.nodes[Int(container)].tag.rawValue)] ?? .paragraph
        blocks.append(
            TextBlock(
                text: text, kind: kind, container: container, linkBytes: min(linkBytes, text.count), innermostFlag: innermostFlag,
                words: words))
    }

    private func isHidden(_ node: Int) -> Bool {
        if page.hasAttribute("hidden", of: node) { return true }
        if page.withAttributeBytes("aria-hidden", of: node, { $0?.elementsEqual("true".utf8) ?? false }) { return true }
        return page.withAttributeBytes("style", of: node) { style in
            guard let style else { return false }
            // The declarations lowercased, without spaces.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: style.count) { compact in
                var length = 0
                for byte in style where byte != 0x20 {
                    compact[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    length += 1
                }
                let declarations = UnsafeBufferPointer(rebasing: compact[..<length])
                return Self.contains(declarations, "display:none") || Self.contains(declarations, "visibility:hidden")
            }
        }
    }

    /// Whether `pattern` occurs in `text`.
    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ pattern: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        guard pattern.count <= text.count else { return false }
        return (0...(text.count - pattern.count)).contains { start in
            text[start] == pattern[0] && text[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }

    private func verdict(_ node: Int) -> BoilerplateNames.Verdict {
        if let role = page.attribute("role", of: node), names.isFurnitureRole(role) { return .furniture }
        return page.withAttributeBytes("class", of: node) { classes in
            page.withAttributeBytes("id", of: node) { id in
                guard classes != nil || id != nil else { return .neutral }
                let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                return names.verdict(classes: classes ?? none, id: id ?? none)
            }
        }
    }
}

/// A set of tags as a table over their raw values: membership without hashing.
private struct TagSet: ExpressibleByArrayLiteral, Sendable {
    private var members = [Bool](repeating: false, count: 256)

    init(arrayLiteral tags: HTMLTag...) {
        for tag in tags { members[Int(tag.rawValue)] = true }
    }

    func contains(_ tag: HTMLTag) -> Bool { members[Int(tag.rawValue)] }
}
