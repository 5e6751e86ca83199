import Foundation

/// Finds the page furniture of a report (layer ``Layer/furniture``): the
/// headline and standfirst, photo captions, credit lines, bylines,
/// datelines, and whatever else is not the article (ads, share bars, close
/// glyphs, teasers). Everything else is body.
///
/// The rules of `furniture.txt` decide lines that say what they are
/// ("Advertisement", "--With PTI inputs", "Image copyright ..."); the
/// structure decides the rest: a caption ends in a photo credit ("... | KCNA",
/// "(AP Photo/Evan Vucci)", "... KCNA/via REUTERS"), a headline is a short
/// first line, a dateline opens the first paragraph ("SEOUL (Reuters) -").
public struct FurnitureStage: Stage {
    public let name = "furniture"
    public let requires: Set<Layer> = [.paragraphs]
    public let assigns: Set<Layer> = [.furniture]
    public let rules: FurnitureRules

    public init(rules: FurnitureRules) {
        self.rules = rules
    }

    public func run(_ document: inout Document) throws {
        var page = Page(document: document, rules: rules)
        for index in document.paragraphs.indices { page.classify(index) }
        document.blocks = page.blocks
        document.title = page.title
        document.captions = document.given.captions + page.captions
        document.credits = page.credits
        document.datelinePlaces = page.datelinePlaces
    }
}

/// The state of one pass over a report's paragraphs.
private struct Page {
    let document: Document
    let rules: FurnitureRules
    var blocks: [Block] = []
    var title: String?
    var captions: [String] = []
    var credits: [String] = []
    var datelinePlaces: [String] = []
    /// Before the first body paragraph: where headlines, standfirsts and bylines live.
    var inHead = true
    var inHighlights = false
    var bodyParagraphs = 0
    /// Keys of the paragraphs seen so far, to drop repeats.
    var seen = Set<Int>()
    let titleKey: Int?

    init(document: Document, rules: FurnitureRules) {
        self.document = document
        self.rules = rules
        if let given = document.given.title {
            title = given.isEmpty ? nil : given
            titleKey = given.isEmpty ? nil : Self.key(FoldedText(Array(given.utf8)).bytes[...])
        } else {
            titleKey = nil
        }
    }

    mutating func classify(_ index: Int) {
        let span = document.paragraphs[index]
        let key = document.folded.folded(span)
        let bytes = document.folded.bytes[key.start..<key.end]
        let text = document.folded.string(key)
        let paragraphKey = Self.key(bytes)
        if let titleKey, paragraphKey == titleKey { return add(span, .furniture) }
        if bytes.count >= 20 && seen.contains(paragraphKey) { return add(span, .furniture) }
        seen.insert(paragraphKey)

        if let (rule, captures) = rules.match(bytes) {
            let captured = captures.first.map { document.string(document.folded.original($0)) }
            switch rule.action {
            case .furniture:
                add(span, .furniture)
            case .caption:
                captions.append(Self.undoubled(Self.trimmed(captured ?? document.string(span))))
                add(span, .caption)
            case .credit:
                if let captured {
                    // A short capture names the agency; a long one is a list of people and outlets.
                    if captured.split(separator: " ").count <= 4 {
                        credits.append(Self.cleanCredit(captured))
                    } else {
                        credits.append(contentsOf: rules.agencies(in: captured).map(Self.cleanCredit))
                    }
                }
                add(span, .credit)
            case .creditLine:
                credits.append(contentsOf: rules.agencies(in: document.string(span)).map(Self.cleanCredit))
                add(span, .credit)
            case .byline:
                add(span, .byline)
            case .highlights:
                inHighlights = true
                add(span, .standfirst)
            }
            return
        }
        let shape = Shape(bytes)
        if shape.symbolsOnly(text) { return add(span, .furniture) }
        if shape.words <= 5 && rules.isAgency(Self.trimmed(text)) {
            credits.append(Self.cleanCredit(document.string(span)))
            return add(span, .credit)
        }
        if shape.isSignOff(text) { return add(span, .byline) }
        if shape.mayBeCaption && isCaption(text, shape) {
            captions.append(Self.undoubled(document.string(span)))
            return add(span, .caption)
        }
        if inHead && document.given.title == nil {
            if title == nil && blocks.allSatisfy({ $0.role != .standfirst }) {
                if shape.words <= 30 && bytes.count <= 300 && (!shape.endsSentence || shape.titleCase) {
                    title = document.string(span)
                    return add(span, .title)
                }
            } else if shape.looksLikeByline(text) {
                return add(span, .byline)
            } else if title != nil || inHighlights,
                (!shape.endsSentence && shape.words <= 40) || (shape.titleCase && shape.words <= 25)
            {
                return add(span, .standfirst)
            }
        }
        if bodyParagraphs == 0, let cut = dateline(text) {
            let split = document.folded.original(key.start + cut)
            add(Span(span.start, split), .dateline)
            let rest = document.folded.original(Span(key.start + cut, key.end))
            return add(Span(rest.start, span.end), .body)
        }
        add(span, .body)
    }

    private mutating func add(_ span: Span, _ role: Block.Role) {
        if role == .body {
            inHead = false
            inHighlights = false
            bodyParagraphs += 1
        }
        blocks.append(Block(span, role))
    }

    /// A photo caption: it ends in a photo credit.
    private func isCaption(_ text: String, _ shape: Shape) -> Bool {
        // "... on July 26 | KCNA"
        if let bar = text.lastIndex(of: "|") {
            let after = text[text.index(after: bar)...].split(separator: " ")
            if (1...4).contains(after.count) && shape.words >= after.count + 3 { return true }
        }
        // "... (AP Photo/Evan Vucci)"
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let lowered = inside.lowercased()
            if inside.split(separator: " ").count <= 8 && (lowered.contains("photo") || lowered.contains("getty images")) {
                return true
            }
        }
        // "... February 10, 2018. KCNA/via REUTERS", "Alexander Nemenov/AFP/Getty Images"
        let tail = text[Self.afterLastSentenceEnd(text)...]
        if tail.split(separator: " ").count <= 8 && (tail.utf8.contains(UInt8(ascii: "/")) || tail.lowercased().contains(" via ")) {
            return !rules.agencies(in: String(tail)).isEmpty
        }
        return false
    }

    /// Where the last sentence of `text` starts: after its last ". ", else at its start.
    private static func afterLastSentenceEnd(_ text: String) -> String.Index {
        let bytes = text.utf8
        var i = bytes.endIndex
        while i > bytes.startIndex {
            let space = bytes.index(before: i)
            if bytes[space] == UInt8(ascii: " "), space > bytes.startIndex, bytes[bytes.index(before: space)] == UInt8(ascii: ".") {
                return i
            }
            i = space
        }
        return text.startIndex
    }

    /// Where a dateline that opens a paragraph ends ("SEOUL (Reuters) - ", "WASHINGTON (AP) -- "), recording its place and agency.
    private mutating func dateline(_ text: String) -> Int? {
        let head = text.utf8.prefix(90)
        guard
            let dash = head.indices.dropLast().first(where: {
                head[$0] == UInt8(ascii: " ") && head[head.index(after: $0)] == UInt8(ascii: "-")
            })
        else { return nil }
        let prefix = text[..<dash]
        var after = text.utf8.index(dash, offsetBy: 2)
        while after < text.endIndex && (text[after] == "-" || text[after] == " ") { after = text.index(after: after) }
        guard after < text.endIndex else { return nil }
        var place = prefix
        var agency: Substring?
        if prefix.hasSuffix(")"), let open = prefix.lastIndex(of: "(") {
            agency = prefix[prefix.index(after: open)..<prefix.index(before: prefix.endIndex)]
            place = prefix[..<open]
            guard let agency, !agency.isEmpty, agency.split(separator: " ").count <= 4, agency.first?.isUppercase == true else {
                return nil
            }
        } else {
            let letters = prefix.filter(\.isLetter)
            guard letters.count >= 3, letters.allSatisfy(\.isUppercase) else { return nil }
        }
        let placeName = place.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        guard placeName.isEmpty || (placeName.first!.isUppercase && placeName.split(separator: " ").count <= 6) else {
            return nil
        }
        if let agency { credits.append(String(agency)) }
        if !placeName.isEmpty { datelinePlaces.append(placeName) }
        return text.utf8.distance(from: text.startIndex, to: after)
    }

    /// A hash of a paragraph's words, ignoring case and spacing, to recognise repeats.
    static func key(_ bytes: ArraySlice<UInt8>) -> Int {
        var hash = FeatureHash.empty
        var space = false
        for b in bytes {
            if b == 0x20 || b == 0x0A || b == 0x09 {
                space = true
                continue
            }
            if space { hash = FeatureHash.add(hash, 0x20) }
            space = false
            hash = FeatureHash.add(hash, b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        return Int(truncatingIfNeeded: hash)
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A photo credit that pages print twice ("Kyodo /Reuters Kyodo /Reuters"), once.
    static func undoubled(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count % 2 == 0 else { return text }
        let half = words.count / 2
        return words[..<half].elementsEqual(words[half...]) ? words[..<half].joined(separator: " ") : text
    }

    /// An agency's name from a credit line's capture: without spaces, punctuation or a leading "The".
    static func cleanCredit(_ text: String) -> String {
        var name = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if name.lowercased().hasPrefix("the ") { name = String(name.dropFirst(4)) }
        return name
    }
}

/// Cheap facts about a paragraph's shape.
private struct Shape {
    var words = 0
    var capitalised = 0
    var endsSentence = false
    var hasDigit = false
    /// Whether it holds a photo credit's marks: a bar, a slash, "via", or a closing parenthesis at the end.
    var mayBeCaption = false

    init(_ bytes: ArraySlice<UInt8>) {
        var inWord = false
        for b in bytes {
            if b == 0x20 || b == 0x0A {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if CharClass.isUpper(b) || CharClass.isDigit(b) { capitalised += 1 }
            }
            if CharClass.isDigit(b) { hasDigit = true }
            if b == 0x7C || b == 0x2F { mayBeCaption = true }
        }
        if bytes.last == 0x29 || Self.contains(bytes, " via ") { mayBeCaption = true }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0x22 || bytes[end - 1] == 0x27 || bytes[end - 1] == 0x29 { end -= 1 }
        if end > bytes.startIndex {
            let last = bytes[end - 1]
            endsSentence = last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A
        }
    }

    /// Whether the bytes hold a word, ignoring case.
    static func contains(_ bytes: ArraySlice<UInt8>, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return false }
        var i = bytes.startIndex
        while i <= bytes.endIndex - needle.count {
            var j = 0
            while j < needle.count && (bytes[i + j] | 0x20) == needle[j] { j += 1 }
            if j == needle.count { return true }
            i += 1
        }
        return false
    }

    /// Most words start with a capital, as in "Putin, Tillerson Meet At Kremlin".
    var titleCase: Bool { words >= 3 && capitalised * 10 >= words * 7 }

    /// Nothing but symbols: a close glyph, a rule of underscores or stars.
    func symbolsOnly(_ text: String) -> Bool {
        text.utf8.count <= 24 && !text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// A reporter's name signing off a paragraph or the report ("- Maureen Groppe", "-- Jill Colvin").
    func isSignOff(_ text: String) -> Bool {
        text.hasPrefix("-") && looksLikeByline(String(text.drop { $0 == "-" || $0 == " " }))
    }

    /// An author's name on a line of its own ("Doug Stanglin", "By Jill Colvin").
    func looksLikeByline(_ text: String) -> Bool {
        guard !hasDigit, !endsSentence, words >= 2, words <= 6, text.utf8.count <= 60 else { return false }
        var names = text.split(separator: " ")
        if names.first?.lowercased() == "by" { names.removeFirst() }
        let connectors: Set<Substring> = ["de", "van", "von", "der", "bin", "al", "and", "la", "le", "da"]
        return names.count >= 2 && names.count <= 5
            && names.allSatisfy { $0.first?.isUppercase == true || connectors.contains($0) || $0 == "," }
    }
}
