/// What the sentence readers of one document share: the finder's data, the document and the tokens inside time
/// expressions, held once, where values in each reader would be copied for every sentence (and the finder, which holds
/// an existential, for every use of one of its parts).
final class DocumentReading {
    let knowledge: KnowledgeBase
    let lexicon: EntityWords
    let nameStarts: WordMap<Int>
    let pronouns: WordMap<EntityWords.Pronoun>
    let articles: WordMap<Bool>
    let document: Document
    let timeTokens: Set<Int>

    init(finder: MentionFinder, document: Document, timeTokens: Set<Int>) {
        knowledge = finder.knowledge
        lexicon = finder.words
        nameStarts = finder.nameStarts
        pronouns = finder.pronouns
        articles = finder.articles
        self.document = document
        self.timeTokens = timeTokens
    }
}

/// The mentions of one sentence.
///
/// A class: a reader holds the whole document, which a value would copy for every call.
final class SentenceReader {
    let shared: DocumentReading
    let sentence: Int
    /// The sentence's token forms.
    let words: [String]
    /// Index in ``Document/tokens`` of the sentence's first token.
    let base: Int

    init(_ shared: DocumentReading, sentence: Int, words: [String], base: Int) {
        self.shared = shared
        self.sentence = sentence
        self.words = words
        self.base = base
    }

    /// A candidate before merging: local token range, type, and what it links to.
    struct Candidate {
        var range: Range<Int>
        var type: EntityType
        var kind: Mention.Kind
        var entry: KBEntry?
        var country: String?
        var foundBy: String
    }

    /// Names from the recogniser and the knowledge base, merged.
    func names(tags: [String]) -> [Candidate] {
        merge(recognised: recognised(tags), known: known())
    }

    /// The sentence's mentions: its names, surnames of people named in full elsewhere, and references.
    func mentions(_ names: [Candidate], personWords: WordMap<Bool>) -> [Mention] {
        // One word that is part of a person's full name in the report is that person, whatever else it may name:
        // "Kim" of "Kim Jong Un" is no city, "Howard" of "Michael Howard" no other Howard.
        var named = names.map { candidate in
            guard candidate.range.count == 1, candidate.entry?.category != .country,
                personWords.contains(words[candidate.range.lowerBound])
            else { return candidate }
            return Candidate(range: candidate.range, type: .person, kind: .name, entry: nil, country: nil, foundBy: "name-part")
        }
        let inName = covered(by: named.map(\.range))
        for i in words.indices where personWords.contains(words[i]) && !inName[i] {
            named.append(Candidate(range: i..<(i + 1), type: .person, kind: .name, entry: nil, country: nil, foundBy: "name-part"))
        }
        // "the North" of a report about Korea is the country, whatever the recogniser made of "North".
        named.removeAll { candidate in
            candidate.range.count == 1 && candidate.range.lowerBound > 0
                && shared.lexicon.articles.contains(words[candidate.range.lowerBound - 1])
                && shared.lexicon.contextual["the " + words[candidate.range.lowerBound]] != nil
        }
        named.sort { $0.range.lowerBound < $1.range.lowerBound }
        var mentions: [Mention] = []
        for candidate in named {
            var mention = make(candidate)
            if mention.type == .person && mention.kind == .name { addTitle(&mention, candidate.range) }
            mentions.append(mention)
        }
        mentions += references(excluding: named.map(\.range))
        return mentions.sorted { $0.span < $1.span }
    }

    /// Whether each word of the sentence lies in one of `ranges`: a lookup a word, where asking every range would make
    /// a sentence of many names cost its length times their number.
    func covered(by ranges: [Range<Int>]) -> [Bool] {
        var covered = [Bool](repeating: false, count: words.count)
        for range in ranges { for i in range.clamped(to: 0..<words.count) { covered[i] = true } }
        return covered
    }

    // MARK: Names

    /// The recogniser's spans: PER, ORG, LOC, MISC.
    func recognised(_ tags: [String]) -> [Candidate] {
        var out: [Candidate] = []
        var start: Int?
        var label = ""
        func close(_ end: Int) {
            guard let s = start else { return }
            start = nil
            var range = s..<end
            while range.count > 1 && shared.lexicon.honorifics.contains(words[range.lowerBound]) {
                range = (range.lowerBound + 1)..<range.upperBound
            }
            // Dashes and other marks the recogniser took in ("Donald Trump—not now") are no part of a name.
            while !range.isEmpty && !hasWord(range.upperBound - 1) { range = range.lowerBound..<(range.upperBound - 1) }
            while !range.isEmpty && !hasWord(range.lowerBound) { range = (range.lowerBound + 1)..<range.upperBound }
            guard !range.isEmpty else { return }
            let type: EntityType
            switch label {
            case "PER": type = .person
            case "ORG": type = .org
            case "LOC": type = .gpe
            default: type = .event  // MISC: kept only when it names a nationality or an event
            }
            out.append(Candidate(range: range, type: type, kind: .name, entry: nil, country: nil, foundBy: "ner:\(label)"))
        }
        for (i, tag) in tags.enumerated() {
            if tag == "O" {
                close(i)
                continue
            }
            let parts = tag.split(separator: "-", maxSplits: 1)
            if parts.count < 2 {
                close(i)
                continue
            }
            let type = String(parts[1])
            if parts[0] == "B" || type != label || start == nil {
                close(i)
                start = i
                label = type
            }
        }
        close(tags.count)
        // "Osama bin Laden": a name particle between two people's names joins them into one.
        var joined: [Candidate] = []
        for candidate in out {
            if var previous = joined.last, previous.type == .person, candidate.type == .person,
                candidate.range.lowerBound == previous.range.upperBound + 1,
                shared.lexicon.particles.contains(words[previous.range.upperBound])
            {
                previous.range = previous.range.lowerBound..<candidate.range.upperBound
                joined[joined.count - 1] = previous
            } else {
                joined.append(candidate)
            }
        }
        return joined.filter { !shared.timeTokens.contains(base + $0.range.lowerBound) || $0.range.count > 1 }
    }

    /// Longest knowledge-base matches of capitalised token runs, and nationality adjectives.
    func known() -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < words.count {
            // A title opens no name: "President Xi Jinping" is the title and the name, not the alias "President Xi".
            guard startsName(i), let longest = shared.nameStarts[shared.document.lowercasedForms[base + i]],
                role(in: i..<(i + 1)) == nil
            else {
                i += 1
                continue
            }
            var matched = false
            for length in stride(from: min(longest, words.count - i), through: 1, by: -1) {
                let range = i..<(i + length)
                if length > 1 && (isJoiner(words[range.upperBound - 1]) || !hasWord(range.upperBound - 1)) { continue }
                let phrase = joined(range)
                if let entry = shared.knowledge.entries(named: phrase).first, accepts(entry, range) {
                    out.append(Candidate(range: range, type: entry.type, kind: .name, entry: entry, country: entry.country, foundBy: "kb"))
                    i += length
                    matched = true
                    break
                }
                if length <= 2, let country = shared.knowledge.demonym(phrase) {
                    out.append(
                        Candidate(
                            range: range, type: .gpe, kind: .demonym, entry: country.entry, country: country.iso3, foundBy: "kb:demonym"))
                    i += length
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return out
    }

    /// Whether a knowledge-base entry fits where it stands.
    func accepts(_ entry: KBEntry, _ range: Range<Int>) -> Bool {
        if range.count == 1 && shared.timeTokens.contains(base + range.lowerBound) { return false }  // "May" the month
        if range.count == 1 && shared.lexicon.notNames.contains(words[range.lowerBound]) { return false }
        // A capital "The" opening a sentence makes no name of the lowercase word after it ("The summit"; "The Hague").
        if range.count > 1 && lowercased(range.lowerBound) == "the" && !startsName(range.lowerBound + 1) { return false }
        // A one-word alias of three letters or fewer names a person only after a title: "Kim", "Lee" and "Li" are
        // too many people's names, "President Xi" is one.
        if entry.type == .person && range.count == 1 && words[range.lowerBound].count <= 3
            && !(range.lowerBound > 0
                && (role(in: (range.lowerBound - 1)..<range.lowerBound) != nil
                    || shared.lexicon.honorifics.contains(words[range.lowerBound - 1])))
        {
            return false
        }
        // A one-word city other than a capital is a place only where a place is named ("Kim said" is a person).
        if range.count == 1 && entry.category == .city && !isPlace(range, strict: true)
            && shared.knowledge.country(capital: entry.name) == nil
        {
            return false
        }
        return true
    }

    /// Recogniser and knowledge base together: the knowledge base links and types what both find; the
    /// recogniser adds names the knowledge base lacks, and keeps people whose names look like places ("Chad Smith").
    func merge(recognised: [Candidate], known: [Candidate]) -> [Candidate] {
        var out: [Candidate] = []
        // Each recognised name finds the known names it overlaps by a binary search, not a scan: a text that is one
        // endless sentence holds thousands of each.
        let known = known.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let longest = known.map(\.range.count).max() ?? 0
        var dropped = [Bool](repeating: false, count: known.count)
        for found in recognised {
            guard var candidate = plausible(found) else { continue }
            let range = candidate.range
            // From the first known name that starts after this one ends, back.
            var after = known.partitionPoint { $0.range.lowerBound >= range.upperBound }
            var overlappingIndices: [Int] = []
            while after > 0, known[after - 1].range.lowerBound + longest > range.lowerBound {
                after -= 1
                if known[after].range.overlaps(range) { overlappingIndices.insert(after, at: 0) }
            }
            let overlapping = overlappingIndices.map { known[$0] }
            if overlapping.isEmpty {
                if candidate.type == .event {
                    if let event = miscellaneous(candidate) { out.append(event) }
                    continue
                }
                // A name the knowledge base knows in a place it did not accept alone ("Mumbai (Bombay)"): linked all the same.
                if let entry = shared.knowledge.entries(named: joined(candidate.range)).first(where: {
                    fits($0.type, candidate.type)
                }) {
                    candidate.entry = entry
                    candidate.type = entry.type
                    candidate.country = entry.country
                    candidate.foundBy += "+kb"
                } else if candidate.type != .person, let last = words[candidate.range.upperBound - 1].first.map(String.init),
                    shared.lexicon.placeHeads.contains(words[candidate.range.upperBound - 1]), !last.isEmpty
                {
                    candidate.type = .loc  // "Sinpo South Shipyard", "Tiananmen Square"
                }
                out.append(candidate)
                continue
            }
            // A person the recogniser found over a place name the knowledge base matched ("Chad Smith", "Jordan Peterson"),
            // or over another person's surname ("Michael Howard" is not the known John Howard).
            if candidate.type == .person,
                overlapping.allSatisfy({
                    $0.range.count < candidate.range.count && ($0.type != .person || namesSomeoneElse(candidate.range, $0))
                })
            {
                for i in overlappingIndices { dropped[i] = true }
                out.append(candidate)
            }
        }
        out += known.indices.filter { !dropped[$0] }.map { known[$0] }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether a recognised name holds a known person's surname under another given name ("Michael Howard" over
    /// "Howard", the alias of John Howard).
    func namesSomeoneElse(_ range: Range<Int>, _ known: Candidate) -> Bool {
        guard let entry = known.entry, known.range.lowerBound > range.lowerBound else { return false }
        let names = Set(([entry.name] + entry.aliases).flatMap { $0.lowercased().split(separator: " ") })
        return words[range.lowerBound..<known.range.lowerBound].contains { word in
            !shared.lexicon.honorifics.contains(word) && shared.knowledge.role(word) == nil
                && !names.contains(Substring(word.lowercased()))
        }
    }

    /// Whether types from the recogniser and the knowledge base agree (a place is a place, whatever kind).
    func fits(_ known: EntityType, _ recognised: EntityType) -> Bool {
        known == recognised || ([.gpe, .loc].contains(known) && [.gpe, .loc].contains(recognised))
    }

    /// A recogniser span worth keeping: not a word that is never a name ("ICBM"), not a sentence-opening adverb
    /// ("Internationally"), not a headline's capitalised words; a compound of a country ("U.S.-led", "Syria-Turkey") is that country.
    func plausible(_ candidate: Candidate) -> Candidate? {
        let first = words[candidate.range.lowerBound]
        if candidate.range.count == 1 && shared.lexicon.notNames.contains(first) { return nil }
        if candidate.range.count == 1 && candidate.range.lowerBound == 0 && first.hasSuffix("ly") { return nil }
        if shared.document.blocks[shared.document.sentences[sentence].block].role == .title { return nil }
        if candidate.range.count <= 2, let dash = first.firstIndex(where: { $0 == "-" || $0 == "–" }), dash != first.startIndex {
            let head = String(first[..<dash])
            if let country = shared.knowledge.demonym(head)
                ?? shared.knowledge.entries(named: head).first.flatMap({ $0.country.flatMap(shared.knowledge.country(iso3:)) }
                )
            {
                return Candidate(
                    range: candidate.range.lowerBound..<(candidate.range.lowerBound + 1), type: .gpe, kind: .demonym, entry: country.entry,
                    country: country.iso3, foundBy: "ner+kb:compound")
            }
            return nil
        }
        return candidate
    }

    /// A MISC span: an event when it ends like one ("Korean War", "Winter Olympics"), else nothing.
    func miscellaneous(_ candidate: Candidate) -> Candidate? {
        let last = shared.document.lowercasedForms[base + candidate.range.upperBound - 1]
        return shared.lexicon.eventHeads.contains(last) ? candidate : nil
    }

    /// A mention from a candidate; a capital standing for its government becomes a mention of the country.
    func make(_ candidate: Candidate) -> Mention {
        let span = Span(
            shared.document.tokens[base + candidate.range.lowerBound].span.start,
            shared.document.tokens[base + candidate.range.upperBound - 1].span.end)
        let tokens = (base + candidate.range.lowerBound)..<(base + candidate.range.upperBound)
        var mention = Mention(
            span: span, tokens: tokens, sentence: sentence, type: candidate.type, kind: candidate.kind, entry: candidate.entry,
            country: candidate.country, sector: candidate.entry?.sector, foundBy: candidate.foundBy)
        guard let entry = candidate.entry else { return mention }
        if entry.category == .seat {
            mention.type = .org
        } else if entry.type == .gpe, let iso3 = entry.country, let country = shared.knowledge.country(iso3: iso3),
            country.capital.lowercased() == entry.name.lowercased(), entry.category != .country
        {
            // A capital is its country: "Moscow denied" is Russia, and "officials in Beijing" are China's.
            mention.kind = .metonym
            mention.entry = country.entry
            mention.sector = isPlace(candidate.range) ? nil : "GOV"
            mention.foundBy = "kb:capital"
        } else if entry.type == .org, let iso3 = entry.country, let country = shared.knowledge.country(iso3: iso3),
            candidate.range.count > 1, let last = words[candidate.range.upperBound - 1].unicodeScalars.first, last.properties.isLowercase,
            leadsWithCountry(candidate.range)
        {
            // A description rather than a name ("Russian forces", "the US government") is its country, in the entry's sector.
            mention.type = .gpe
            mention.kind = .demonym
            mention.entry = country.entry
            mention.foundBy = "kb:description"
        }
        return mention
    }
}
