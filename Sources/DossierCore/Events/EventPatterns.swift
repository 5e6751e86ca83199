/// The patterns of `event-patterns.txt`, then those converted from PETRARCH2's verb dictionary
/// (`event-patterns-petrarch.txt`), indexed by trigger word.
public struct EventPatterns: Sendable {
    /// One line of the file. A class: the coder hands patterns around for every trigger it meets, and a reference is
    /// one count to keep where a value is five.
    public final class Pattern: Sendable, Hashable {
        public let code: String
        /// Words that must follow the trigger ("off" of "show off"); a `_` among them stands for the verb's object ("find
        /// _ guilty", "call on _ to").
        public let particles: [String]
        /// How many of the pattern's words stand between the trigger and its object, where the object stands among them
        /// ("found the party guilty": 0; "called on Iran to stop": 1).
        public var objectPosition: Int? { particles.firstIndex(of: "_") }
        public let isNoun: Bool
        /// Where the target stands: "_" direct object (or its owner), "=" the direct object itself ("welcomed Shoigu", not
        /// "welcomed Shoigu's decision"), a preposition, or "-" none.
        public let targets: [String]
        /// Whether the event is coded only when its target is found.
        public let targetRequired: Bool
        /// Whether the verb states the event only with a direct object ("returned the paintings to Italy", not "returned
        /// to Italy").
        public let objectRequired: Bool
        /// The line, for `explain`.
        public let text: String

        init(
            code: String, particles: [String], isNoun: Bool, targets: [String], targetRequired: Bool, objectRequired: Bool,
            text: String
        ) {
            self.code = code
            self.particles = particles
            self.isNoun = isNoun
            self.targets = targets
            self.targetRequired = targetRequired
            self.objectRequired = objectRequired
            self.text = text
        }

        public static func == (a: Pattern, b: Pattern) -> Bool {
            a.code == b.code && a.particles == b.particles && a.isNoun == b.isNoun && a.targets == b.targets
                && a.targetRequired == b.targetRequired && a.objectRequired == b.objectRequired && a.text == b.text
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(code)
            hasher.combine(text)
        }
    }

    /// Lowercased trigger form → patterns, in file order.
    public let byTrigger: [String: [Pattern]]
    /// Forms that trigger a verb pattern: a noun pattern on one of them needs a noun's context ("the visit").
    public let verbForms: Set<String>

    /// Reads the project's own patterns, then the `converted` ones (PETRARCH2's). Where both files list a trigger form,
    /// the converted patterns of two or more words after the trigger ("call off strike"), and of one where the own file
    /// has no bare pattern for the form, join the form's own that no own pattern with the same words already states,
    /// and the longer patterns are tried first: Dossier's own patterns win where
    /// they speak, the dictionary's more specific ones where they do not. Words that put another act in a mood
    /// (`governing`: "cancelled a planned visit", "refused to meet") keep only their own patterns.
    init(lines: [Substring], converted: [Substring] = [], governing: Set<String> = []) throws {
        var index: [String: [Pattern]] = [:]
        var dictionary: [String: [Pattern]] = [:]
        var verbs = Set<String>()
        try Self.read(lines, file: "event-patterns.txt", into: &index, verbs: &verbs)
        try Self.read(converted, file: "event-patterns-petrarch.txt", into: &dictionary, verbs: &verbs)
        for (form, patterns) in dictionary {
            guard let own = index[form] else {
                index[form] = patterns
                continue
            }
            guard !governing.contains(form) else { continue }
            // A one-word pattern only where the own file has no bare one: "meet with" would shadow Dossier's "meet".
            let ownBare = own.contains { $0.particles.isEmpty }
            let added = patterns.filter { pattern in
                (pattern.particles.count >= 2 || (!ownBare && !pattern.particles.isEmpty))
                    && !own.contains { $0.particles == pattern.particles && $0.isNoun == pattern.isNoun }
            }
            guard !added.isEmpty else { continue }
            // A stable sort: at equal lengths, own patterns first, each file in its order.
            index[form] = (own + added).enumerated().sorted {
                ($0.element.particles.count, $1.offset) > ($1.element.particles.count, $0.offset)
            }.map(\.element)
        }
        byTrigger = index
        verbForms = verbs
    }

    private static func read(
        _ lines: [Substring], file: String, into index: inout [String: [Pattern]], verbs: inout Set<String>
    ) throws {
        for line in lines {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 3 else { throw ResourceError.malformed(file: file, line: String(line)) }
            var trigger = f[1]
            let isNoun = trigger.hasPrefix("n:")
            if isNoun { trigger.removeFirst(2) }
            let words = trigger.split(separator: " ").map(String.init)
            var targets = f[2].split(separator: " ").map(String.init)
            let required = targets.first == "!"
            if required { targets.removeFirst() }
            let objectRequired = targets.first == "+"
            if objectRequired { targets.removeFirst() }
            let particles = words.dropFirst()
            // One object at most, in a verb's pattern, with a word after it ("found _ guilty", "call on _ to").
            guard particles.filter({ $0 == "_" }).count <= 1, !(isNoun && particles.contains("_")), particles.last != "_" else {
                throw ResourceError.malformed(file: file, line: String(line))
            }
            let pattern = Pattern(
                code: f[0], particles: Array(particles), isNoun: isNoun, targets: targets, targetRequired: required,
                objectRequired: objectRequired, text: String(line))
            for form in words[0].split(separator: "|").map({ $0.lowercased() }) {
                index[form, default: []].append(pattern)
                if !isNoun { verbs.insert(form) }
            }
        }
    }
}
