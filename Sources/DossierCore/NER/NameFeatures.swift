/// Turns the words of a document into the recogniser's features: for every word, one 32-bit key for each
/// ``Template`` (the word, its shape and affixes, its neighbours, its word cluster, its sentence, the other uses of
/// the same word in the document, the listed names it is part of, and, for a second pass, the tags an earlier
/// pass gave this word, its neighbours and the same word elsewhere in the document).
struct NameFeatures: Sendable {
    /// The kinds of feature, each word has one of each. Their order is part of the model: append, never reorder.
    enum Template: UInt64, CaseIterable {
        case bias, word, lower, shape
        case prefix1, prefix2, prefix3, prefix4, suffix1, suffix2, suffix3, suffix4
        case lowerPrevious, lowerNext, lowerPrevious2, lowerNext2
        case shapePrevious, shapeNext, shapePreviousHere, shapeHereNext
        case lowerPreviousHere, lowerHereNext, lowerPreviousShapeHere
        case cluster4, cluster6, cluster10, clusterPath
        case clusterPrevious6, clusterNext6, clusterPreviousPath, clusterNextPath
        case sentenceShape, positionShape, capitalisedRun
        case document, documentSentence
        case gazetteer, gazetteerForm, gazetteerPrevious, gazetteerNext
        case earlierHere, earlierPrevious, earlierNext, earlierDocument, earlierDocumentHere
        case topicGazetteer, topicCluster
        case wordList, wordListContext
    }

    /// Features a word.
    static let perWord = Template.allCases.count

    /// The places, among a word's features, of those that read its own spelling (the word, its longer affixes, its
    /// bigrams), in the order ``keys(_:_:)`` emits them.
    static let spelling = [1, 2, 6, 7, 10, 11, 20, 21]

    let clusters: WordClusters
    let gazetteer: Gazetteer

    /// A document's words, read once for every pass.
    struct Document {
        var sentences: [[WordAtoms]]
        var context: DocumentContext
    }

    func document(_ sentences: [[String]]) -> Document {
        let atoms = sentences.map { $0.map { WordAtoms($0, clusters) } }
        return Document(sentences: atoms, context: DocumentContext(atoms))
    }

    /// How many features, the last of each word's, read an earlier pass's tags.
    static let earlierCount = 5

    /// The feature keys of each sentence of a document, ``perWord`` a word, word by word; `earlier` holds an
    /// earlier pass's tags (indices into ``NameTag/labels``), or nil in the first pass.
    func keys(_ document: Document, earlier: [[UInt8]]? = nil) -> [[UInt32]] {
        var sentenceKeys = document.sentences.map { keys($0, document.context) }
        setEarlier(&sentenceKeys, document, earlier)
        return sentenceKeys
    }

    /// Sets the features that read an earlier pass's tags (nil: there is none), the last ``earlierCount`` of each word.
    func setEarlier(_ keys: inout [[UInt32]], _ document: Document, _ earlier: [[UInt8]]?) {
        let elsewhere = earlier.map { TagsElsewhere(document.sentences, $0) }
        for s in document.sentences.indices { setEarlier(&keys[s], document.sentences[s], earlier?[s], elsewhere) }
    }

    /// ``setEarlier(_:_:_:)`` for one sentence's keys: `tags` are its earlier tags, `elsewhere` the document's.
    func setEarlier(_ keys: inout [UInt32], _ sentence: [WordAtoms], _ tags: [UInt8]?, _ elsewhere: TagsElsewhere?) {
        let none: UInt64 = 0xFF
        let n = sentence.count
        for i in 0..<n {
            let here = tags.map { UInt64($0[i]) } ?? none
            let elsewhereTypes = elsewhere.map { UInt64($0.others(sentence[i], here)) } ?? none
            let k = (i + 1) * Self.perWord - Self.earlierCount
            keys[k] = FeatureHash.key(.earlierHere, here)
            keys[k + 1] = FeatureHash.key(.earlierPrevious, tags.map { i > 0 ? UInt64($0[i - 1]) : 0xFE } ?? none)
            keys[k + 2] = FeatureHash.key(.earlierNext, tags.map { i + 1 < n ? UInt64($0[i + 1]) : 0xFE } ?? none)
            keys[k + 3] = FeatureHash.key(.earlierDocument, FeatureHash.combine(elsewhereTypes, UInt64(sentence[i].form.rawValue)))
            keys[k + 4] = FeatureHash.key(.earlierDocumentHere, FeatureHash.combine(elsewhereTypes, here))
        }
    }

    /// One sentence's feature keys, those that read earlier tags set for none (as ``keys(_:earlier:)`` sets them).
    func keys(_ document: Document, sentence s: Int) -> [UInt32] {
        var sentenceKeys = keys(document.sentences[s], document.context)
        setEarlier(&sentenceKeys, document.sentences[s], nil, nil)
        return sentenceKeys
    }

    /// The feature keys of one sentence, ``perWord`` a word, those of ``setEarlier(_:_:_:)`` left 0.
    private func keys(_ sentence: [WordAtoms], _ document: DocumentContext) -> [UInt32] {
        let n = sentence.count
        var keys = [UInt32](repeating: 0, count: n * Self.perWord)
        guard n > 0 else { return keys }
        let kind = SentenceKind(sentence)
        let gazetteerMarks = gazetteer.marks(sentence.map(\.lower))
        let runs = capitalisedRuns(sentence, kind)
        // Each word's list bits, with a 0xFF boundary either side; only capitalised words count.
        var lists = [UInt8](repeating: 0xFF, count: n + 2)
        for i in 0..<n { lists[i + 1] = sentence[i].form.isCapitalised ? gazetteer.listed(sentence[i].lower) : 0 }
        keys.withUnsafeMutableBufferPointer { out in
            var k = 0
            @inline(__always) func emit(_ template: Template, _ value: UInt64) {
                out[k] = FeatureHash.key(template, value)
                k += 1
            }
            for i in 0..<n {
                let here = sentence[i]
                let previous = i > 0 ? sentence[i - 1] : .start
                let previous2 = i > 1 ? sentence[i - 2] : .start
                let next = i + 1 < n ? sentence[i + 1] : .end
                let next2 = i + 2 < n ? sentence[i + 2] : .end
                emit(.bias, 0)
                emit(.word, here.word)
                emit(.lower, here.lower)
                emit(.shape, here.shape)
                emit(.prefix1, here.prefixes[0])
                emit(.prefix2, here.prefixes[1])
                emit(.prefix3, here.prefixes[2])
                emit(.prefix4, here.prefixes[3])
                emit(.suffix1, here.suffixes[0])
                emit(.suffix2, here.suffixes[1])
                emit(.suffix3, here.suffixes[2])
                emit(.suffix4, here.suffixes[3])
                emit(.lowerPrevious, previous.lower)
                emit(.lowerNext, next.lower)
                emit(.lowerPrevious2, previous2.lower)
                emit(.lowerNext2, next2.lower)
                emit(.shapePrevious, previous.shape)
                emit(.shapeNext, next.shape)
                emit(.shapePreviousHere, FeatureHash.combine(previous.shape, here.shape))
                emit(.shapeHereNext, FeatureHash.combine(here.shape, next.shape))
                emit(.lowerPreviousHere, FeatureHash.combine(previous.lower, here.lower))
                emit(.lowerHereNext, FeatureHash.combine(here.lower, next.lower))
                emit(.lowerPreviousShapeHere, FeatureHash.combine(previous.lower, here.shape))
                emit(.cluster4, cluster(here, 0))
                emit(.cluster6, cluster(here, 1))
                emit(.cluster10, cluster(here, 2))
                emit(.clusterPath, cluster(here, 3))
                emit(.clusterPrevious6, cluster(previous, 1))
                emit(.clusterNext6, cluster(next, 1))
                emit(.clusterPreviousPath, cluster(previous, 3))
                emit(.clusterNextPath, cluster(next, 3))
                emit(.sentenceShape, FeatureHash.combine(UInt64(kind.rawValue), here.shape))
                let position: UInt64 = i == 0 ? 0 : i == n - 1 ? 2 : 1
                emit(.positionShape, FeatureHash.combine(position, here.shape))
                emit(.capitalisedRun, UInt64(runs[i]))
                let seen = document.seen(here)
                emit(.document, FeatureHash.combine(seen, UInt64(here.form.rawValue)))
                emit(.documentSentence, FeatureHash.combine(seen, UInt64(here.form.rawValue) << 8 | UInt64(kind.rawValue) << 4 | position))
                let mark = UInt64(gazetteerMarks[i])
                emit(.topicGazetteer, FeatureHash.combine(document.topic, mark << 8 | UInt64(here.form.rawValue)))
                emit(.topicCluster, FeatureHash.combine(document.topic, cluster(here, 1)))
                emit(.gazetteer, mark)
                emit(.gazetteerForm, FeatureHash.combine(mark, UInt64(here.form.rawValue)))
                emit(.gazetteerPrevious, i > 0 ? UInt64(gazetteerMarks[i - 1]) : 0xFFFF)
                emit(.gazetteerNext, i + 1 < n ? UInt64(gazetteerMarks[i + 1]) : 0xFFFF)
                let listed = UInt64(lists[i + 1])
                emit(.wordList, listed << 8 | UInt64(here.form.rawValue))
                emit(.wordListContext, UInt64(lists[i]) << 16 | listed << 8 | UInt64(lists[i + 2]))
                k += Self.earlierCount
            }
        }
        return keys
    }

    /// The value of a word's cluster path prefix (0 ``WordClusters/prefixLengths``), or a fixed value when it has none.
    @inline(__always)
    private func cluster(_ atoms: WordAtoms, _ prefix: Int) -> UInt64 {
        atoms.cluster < 0 ? UInt64(atoms.form.rawValue) : clusters.prefixValues[atoms.cluster * WordClusters.prefixLengths.count + prefix]
    }

    /// For each word, its place in a run of capitalised words: the run's length (up to 4) and whether the word
    /// begins, continues, ends or is the run; 0 outside runs and in headlines.
    private func capitalisedRuns(_ sentence: [WordAtoms], _ kind: SentenceKind) -> [UInt8] {
        var runs = [UInt8](repeating: 0, count: sentence.count)
        guard kind != .headline else { return runs }
        var start = 0
        while start < sentence.count {
            guard sentence[start].form.isCapitalised else {
                start += 1
                continue
            }
            var end = start + 1
            while end < sentence.count && sentence[end].form.isCapitalised { end += 1 }
            let length = end - start
            for i in start..<end {
                let place: UInt8 = length == 1 ? 3 : i == start ? 0 : i == end - 1 ? 2 : 1
                runs[i] = UInt8(min(length, 4)) << 2 | place
            }
            start = end
        }
        return runs
    }
}

/// What the recogniser knows of one word from its letters alone, computed once per word.
struct WordAtoms {
    /// The hashes of the word as spelt, lowercased and title-cased ("BRUSSELS" → "Brussels").
    var word: UInt64
    var lower: UInt64
    var title: UInt64
    /// The hash of its shape: letters as X or x, digits as d, runs collapsed ("Xx", "X.X.", "d-d-d").
    var shape: UInt64
    /// The hashes of its lowercase first and last one to four bytes.
    var prefixes: SIMD4<UInt64>
    var suffixes: SIMD4<UInt64>
    /// Its word cluster, or -1.
    var cluster: Int
    var form: WordForm
    var hasLowercase: Bool

    static let start = WordAtoms(boundary: "<s>")
    static let end = WordAtoms(boundary: "</s>")

    private init(boundary: String) {
        let hash = FeatureHash.of(boundary)
        word = hash
        lower = hash
        title = hash
        shape = hash
        prefixes = SIMD4(repeating: hash)
        suffixes = SIMD4(repeating: hash)
        cluster = -1
        form = .boundary
        hasLowercase = false
    }

    init(_ text: String, _ clusters: WordClusters) {
        var utf8 = text
        self = utf8.withUTF8 { bytes in WordAtoms(bytes, firstIsUppercase: { text.first?.isUppercase ?? false }, clusters) }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, firstIsUppercase: () -> Bool, _ clusters: WordClusters) {
        var word = FeatureHash.empty
        var lower = FeatureHash.empty
        var title = FeatureHash.empty
        var shape = FeatureHash.empty
        var lastShape: UInt8 = 0
        var prefixes = SIMD4<UInt64>(repeating: 0)
        var uppercase = 0
        var lowercase = 0
        var digits = 0
        var other = 0
        var firstUpper = false
        var firstLower = false
        for (index, byte) in bytes.enumerated() {
            let lowered = FeatureHash.lower(byte)
            word = FeatureHash.add(word, byte)
            lower = FeatureHash.add(lower, lowered)
            title = FeatureHash.add(title, index == 0 ? byte : lowered)
            if index < 4 { prefixes[index] = lower }
            let symbol: UInt8
            if byte &- 0x41 < 26 {
                symbol = 0x58
                uppercase += 1
            } else if byte &- 0x61 < 26 {
                symbol = 0x78
                lowercase += 1
            } else if byte &- 0x30 < 10 {
                symbol = 0x64
                digits += 1
            } else if byte >= 0xC0 {
                let upper = index == 0 && firstIsUppercase()
                symbol = upper ? 0x58 : 0x78
                if upper { uppercase += 1 } else { lowercase += 1 }
            } else if byte >= 0x80 {
                continue
            } else {
                symbol = byte
                other += 1
            }
            if index == 0 {
                firstUpper = symbol == 0x58
                firstLower = symbol == 0x78
            }
            if symbol != lastShape {
                shape = FeatureHash.add(shape, symbol)
                lastShape = symbol
            }
        }
        let count = bytes.count
        for index in min(count, 4)..<4 { prefixes[index] = lower }
        var suffixes = SIMD4<UInt64>(repeating: 0)
        for length in 1...4 {
            var hash = FeatureHash.empty
            for byte in bytes[max(0, count - length)..<count] { hash = FeatureHash.add(hash, FeatureHash.lower(byte)) }
            suffixes[length - 1] = hash
        }
        self.word = word
        self.lower = lower
        self.title = title
        self.shape = shape
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.cluster = clusters.cluster(exact: word, title: title, lower: lower) ?? -1
        self.hasLowercase = lowercase > 0
        if firstUpper {
            form = lowercase == 0 ? .allCaps : .capitalised
        } else if firstLower {
            form = .lowercase
        } else if uppercase + lowercase == 0 {
            form = digits > 0 ? .number : .punctuation
        } else {
            form = .other
        }
    }
}

/// The types an earlier pass gave each word of a document, to read a word in the light of the same word elsewhere.
struct TagsElsewhere {
    /// For each lowercased word, how often it was tagged O, PER, ORG, LOC, MISC.
    private var counts: HashMap64<SIMD8<UInt16>>

    init(_ sentences: [[WordAtoms]], _ tags: [[UInt8]]) {
        counts = HashMap64(capacity: sentences.reduce(0) { $0 + $1.count })
        for (sentence, sentenceTags) in zip(sentences, tags) {
            for (atoms, tag) in zip(sentence, sentenceTags) where atoms.form != .punctuation {
                // Saturating: a word said 65,535 times in one text is said often enough.
                let slot = Self.slot(tag)
                if counts[atoms.lower, default: .zero][slot] < .max { counts[atoms.lower, default: .zero][slot] += 1 }
            }
        }
    }

    /// The slots (O, PER, ORG, LOC, MISC) given to the same word elsewhere in the document, as bits, this use left out.
    func others(_ atoms: WordAtoms, _ tag: UInt64) -> UInt8 {
        guard var count = counts[atoms.lower] else { return 0 }
        let slot = Self.slot(UInt8(tag))
        if count[slot] > 0 && count[slot] < .max { count[slot] -= 1 }
        var bits: UInt8 = 0
        for slot in 0..<5 where count[slot] > 0 { bits |= 1 << slot }
        return bits
    }

    private static func slot(_ tag: UInt8) -> Int { tag == 0 ? 0 : 1 + (Int(tag) - 1) / 2 }
}

/// The case and kind of a word.
enum WordForm: UInt8 {
    case lowercase, capitalised, allCaps, number, punctuation, other, boundary

    var isCapitalised: Bool { self == .capitalised || self == .allCaps }
}

/// What kind of sentence a word is in: running text, an all-capitals headline, or a row of a table of results.
enum SentenceKind: UInt8 {
    case text, headline, table

    init(_ sentence: [WordAtoms]) {
        var numbers = 0
        var capitals = 0
        var lowercase = false
        for atoms in sentence {
            if atoms.form == .number { numbers += 1 }
            if atoms.form == .allCaps { capitals += 1 }
            if atoms.hasLowercase { lowercase = true }
        }
        if !lowercase && capitals > 0 {
            self = .headline
        } else if sentence.count >= 3 && 2 * numbers >= sentence.count {
            self = .table
        } else {
            self = .text
        }
    }
}

/// How the words of a document are used elsewhere in it: the same word in lowercase, capitalised inside running
/// text, or as the first or last word of a longer capitalised name. A headline's "BRUSSELS" or a sentence's first
/// word is read in the light of the other sentences.
struct DocumentContext {
    private var uses: HashMap64<UInt8>
    /// What the document is about, roughly: its first word (a wire's "SOCCER -", "CRICKET -") and whether a fifth
    /// or more of its sentences are rows of results.
    private(set) var topic: UInt64 = 0

    private static let lowercase: UInt8 = 1
    private static let capitalisedInside: UInt8 = 2
    private static let firstOfName: UInt8 = 4
    private static let lastOfName: UInt8 = 8
    private static let insideName: UInt8 = 16
    private static let aloneName: UInt8 = 32

    init(_ sentences: [[WordAtoms]]) {
        uses = HashMap64(capacity: sentences.reduce(0) { $0 + $1.count })
        let tables = sentences.filter { SentenceKind($0) == .table }.count
        topic = FeatureHash.combine(sentences.first?.first?.lower ?? 0, 5 * tables >= sentences.count && tables > 0 ? 1 : 0)
        for sentence in sentences where SentenceKind(sentence) == .text {
            var i = 0
            while i < sentence.count {
                let atoms = sentence[i]
                if atoms.form == .lowercase { uses[atoms.lower, default: 0] |= Self.lowercase }
                guard atoms.form == .capitalised, i > 0 else {
                    i += 1
                    continue
                }
                var end = i + 1
                while end < sentence.count && sentence[end].form.isCapitalised { end += 1 }
                for j in i..<end {
                    let use = end - i == 1 ? Self.aloneName : j == i ? Self.firstOfName : j == end - 1 ? Self.lastOfName : Self.insideName
                    uses[sentence[j].lower, default: 0] |= use | Self.capitalisedInside
                }
                i = end
            }
        }
    }

    /// The uses of this word elsewhere in the document, as bits.
    @inline(__always)
    func seen(_ atoms: WordAtoms) -> UInt64 {
        UInt64(uses[atoms.lower] ?? 0)
    }
}
