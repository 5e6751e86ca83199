/// Finds every time expression in the text a reader reads (layer ``Layer/times``),
/// fixes the report's reference date, and resolves each expression against it.
///
/// Absolute forms ("July 26", "26 July 2023", "2023-07-26", "July 2023", "2023",
/// "the 1990s", "1950-53", "between 2027 and 2030", "mid-2019"), relative ones
/// ("Wednesday", "Tuesday night", "today", "last week", "two days ago", "a day
/// earlier") and anniversaries and ages ("the 70th anniversary of the 1953
/// armistice", "the 15-year-old ban"). Durations, clock times and numbers that
/// only look like years ("2000 troops", "Resolution 2231") are not times.
public struct TimeTagger: Stage {
    public let name = "times"
    public let requires: Set<Layer> = [.tokens, .sentences]
    public let assigns: Set<Layer> = [.times]
    public let lexicon: TimeLexicon
    /// ``TimeLexicon/futureMarkers``, for a lookup on every word.
    let futureMarkers: WordMap<Bool>

    public init(lexicon: TimeLexicon) {
        self.lexicon = lexicon
        futureMarkers = WordMap(lexicon.futureMarkers)
    }

    public func run(_ document: inout Document) throws {
        var times: [TimeExpression] = []
        for (index, sentence) in document.sentences.enumerated() where mayHoldTime(document, sentence) {
            let words = sentence.tokens.map { document.forms[$0] }
            let lowered = sentence.tokens.map { document.lowercasedForms[$0] }
            var future = false
            var i = 0
            while i < words.count {
                if let (meaning, end) = match(words, lowered, i) {
                    let first = document.tokens[sentence.tokens.lowerBound + i]
                    let last = document.tokens[sentence.tokens.lowerBound + end - 1]
                    let span = Span(first.span.start, last.span.end)
                    var time = TimeExpression(span: span, sentence: index, meaning: meaning, future: future, value: nil)
                    time.datesStatement = datesStatement(meaning, after: i > 0 ? lowered[i - 1] : nil)
                    times.append(time)
                    i = end
                } else {
                    if futureMarkers.contains(lowered[i]) { future = true }
                    i += 1
                }
            }
        }
        let resolver = TimeResolver(document: document, times: times)
        document.reference = resolver.reference
        document.times = resolver.resolved()
    }

    /// Whether a time can date its clause's statement (see ``TimeExpression/datesStatement``).
    private func datesStatement(_ meaning: TimeExpression.Meaning, after previous: String?) -> Bool {
        switch meaning {
        case .anniversary, .age, .years: false
        case .year: previous.map(lexicon.datingWords.contains) ?? false
        default: true
        }
    }

    /// Whether a sentence has a digit or a word that time expressions need.
    private func mayHoldTime(_ document: Document, _ sentence: Sentence) -> Bool {
        document.folded.bytes.withUnsafeBufferPointer { bytes in
            sentence.tokens.contains { index in
                let key = document.tokens[index].key
                return bytes[key.start..<key.end].contains { $0 >= 0x30 && $0 <= 0x39 }
                    || lexicon.triggers[bytes[key.start..<key.end]] != nil
            }
        }
    }

    /// The time expression starting at word `i`, and the index after its last word.
    func match(_ w: [String], _ l: [String], _ i: Int) -> (TimeExpression.Meaning, Int)? {
        let word = w[i]
        let lower = l[i]
        guard let first = word.utf8.first,
            (first >= 0x30 && first <= 0x39) || lexicon.starters.contains(lower) || lower.hasPrefix("mid-") || lower.hasSuffix("-year-old")
        else { return nil }
        func at(_ k: Int) -> String? { k < w.count ? w[k] : nil }
        func lowerAt(_ k: Int) -> String? { k < l.count ? l[k] : nil }

        if let date = Self.isoDate(word) { return (date, i + 1) }
        if let m = month(w, l, i) {
            if let d = at(i + 1).flatMap(Self.dayOfMonth) {
                var j = i + 2
                if at(j) == "," { j += 1 }
                if let y = at(j).flatMap(Self.year), CalendarDate(y, m, d) != nil { return (.date(year: y, month: m, day: d), j + 1) }
                return (.monthDay(month: m, day: d), i + 2)
            }
            var j = i + 1
            if at(j) == "," || lowerAt(j) == "of" { j += 1 }
            if let y = at(j).flatMap(Self.year) { return (.monthOfYear(year: y, month: m), j + 1) }
            return (.month(m), i + 1)
        }
        if let d = Self.dayOfMonth(word), let m = at(i + 1).flatMap({ lexicon.months[$0] }) {
            if let y = at(i + 2).flatMap(Self.year), CalendarDate(y, m, d) != nil { return (.date(year: y, month: m, day: d), i + 3) }
            return (.monthDay(month: m, day: d), i + 2)
        }
        if let weekday = lexicon.weekdays[word] {
            let end = at(i + 1).map { lexicon.dayparts.contains($0.lowercased()) } == true ? i + 2 : i + 1
            return (.weekday(weekday), end)
        }
        if let offset = lexicon.days[lower] { return (.day(offset), i + 1) }
        if let shift = lexicon.shifts[lower], let unit = lowerAt(i + 1).flatMap({ lexicon.units[$0] }),
            !(lowerAt(i + 1)?.hasSuffix("s") ?? true), !["the", "for", "over", "in"].contains(i > 0 ? l[i - 1] : "")
        {
            return (.shifted(unit, shift), i + 2)
        }
        if let n = count(word), let unit = lowerAt(i + 1).flatMap({ lexicon.units[$0] }), let after = lowerAt(i + 2) {
            if after == "ago" { return (.ago(n, unit), i + 3) }
            if unit == .day && (after == "earlier" || after == "later") { return (.daysFromLast(after == "later" ? n : -n), i + 3) }
        }
        if lower == "between" || lower == "from", let a = at(i + 1).flatMap(Self.year), let joint = lowerAt(i + 2),
            joint == "and" || joint == "to", let b = at(i + 3).flatMap(Self.year), b > a
        {
            return (.years(a, b), i + 4)
        }
        if let n = ordinal(word) {
            if lowerAt(i + 1) == "anniversary" {
                for k in (i + 2)..<max(i + 2, w.count) {
                    if let y = Self.year(w[k]) { return (.anniversary(ordinal: n, of: y), i + 2) }
                    if let (_, b) = Self.yearRange(w[k]) { return (.anniversary(ordinal: n, of: b), i + 2) }
                }
                return nil
            }
            if lowerAt(i + 1) == "century" { return (.years((n - 1) * 100 + 1, n * 100), i + 2) }
        }
        if lower.hasSuffix("-year-old"), let n = count(String(lower.dropLast(9))), !lexicon.persons.contains(lowerAt(i + 1) ?? "") {
            return (.age(n), i + 1)
        }
        if let (a, b) = Self.yearRange(word) { return (.years(a, b), i + 1) }
        if word.utf8.count == 5, word.hasSuffix("s"), let y = Int(word.prefix(4)), y % 10 == 0, (1000...2090).contains(y) {
            return (.years(y, y + 9), i + 1)
        }
        if lower.hasPrefix("mid-"), let y = Self.year(String(lower.dropFirst(4))) { return (.year(y), i + 1) }
        if let y = Self.year(word), y >= 1800 {
            if i > 0 && lexicon.labels.contains(l[i - 1]) { return nil }
            if let next = lowerAt(i + 1), lexicon.quantities.contains(next) { return nil }
            return (.year(y), i + 1)
        }
        return nil
    }

    /// A month named at word `i`: capitalised, and for names that are also words ("May"), next to a number or after a preposition.
    private func month(_ w: [String], _ l: [String], _ i: Int) -> Int? {
        guard let m = lexicon.months[w[i]] else { return nil }
        if !lexicon.wordlike.contains(w[i]) { return m }
        if i + 1 < w.count && (Self.dayOfMonth(w[i + 1]) != nil || Self.year(w[i + 1]) != nil) { return m }
        if i > 0 && lexicon.prepositions.contains(l[i - 1]) { return m }
        return nil
    }

    /// A small count: digits or a number word.
    private func count(_ word: String) -> Int? {
        if let n = Int(word), (1...999).contains(n) { return n }
        return lexicon.numbers[word.lowercased()]
    }

    /// "70th", "seventieth".
    private func ordinal(_ word: String) -> Int? {
        let lower = word.lowercased()
        if let n = lexicon.ordinals[lower] { return n }
        guard lower.count >= 3, ["st", "nd", "rd", "th"].contains(String(lower.suffix(2))) else { return nil }
        return Int(lower.dropLast(2))
    }

    /// A day of the month: "26", "26th".
    static func dayOfMonth(_ word: String) -> Int? {
        var digits = Substring(word)
        if digits.count > 2, ["st", "nd", "rd", "th"].contains(digits.suffix(2).lowercased()) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCII), let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }

    /// A year written in four digits, 1000 to 2100.
    static func year(_ word: String) -> Int? {
        guard word.utf8.count == 4, word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(word), (1000...2100).contains(y) else {
            return nil
        }
        return y
    }

    /// "1950-53", "1950-1953".
    static func yearRange(_ word: String) -> (Int, Int)? {
        let parts = word.split(separator: "-")
        guard parts.count == 2, let a = year(String(parts[0])) else { return nil }
        let tail = parts[1]
        guard tail.allSatisfy(\.isASCII), let b = Int(tail) else { return nil }
        let end: Int
        switch tail.count {
        case 2: end = a / 100 * 100 + b
        case 4: end = b
        default: return nil
        }
        return end > a && end - a < 100 ? (a, end) : nil
    }

    /// "2023-07-26".
    static func isoDate(_ word: String) -> TimeExpression.Meaning? {
        guard word.utf8.count == 10, let (y, m, d) = CalendarDate.parse(word), let m, let d else { return nil }
        return .date(year: y, month: m, day: d)
    }
}
