/// Who did what to whom from a sentence's dependency parse, where the words around a trigger leave a role open.
extension SentenceCoder {
    /// Sources and targets of a trigger at `k`: read from the sentence's parse where it names them, else from the
    /// words around the trigger.
    mutating func roles(
        _ pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int, _ after: Int, _ actors: [(mention: Int, entity: Int)],
        _ previousSubject: [Int], objectOfEvent: Bool
    ) -> ([Int?], [Int]) {
        var (sources, targets) = wordRoles(pattern, tokens, k, after, actors, previousSubject, objectOfEvent: objectOfEvent)
        guessedTarget = false
        // The parse can only name an actor of the sentence that the words left out.
        // A source stands before its trigger, or after it in a "by" phrase ("was attacked by rebels").
        let missingSource =
            sources.allSatisfy { $0 == nil }
            && actors.contains { last($0.mention) < tokens[k] || (first($0.mention) > tokens[k] && form(first($0.mention) - 1) == "by") }
        // A target stands after its trigger ("attacked X", "talks with X", "X was attacked by Y" aside, which the words read).
        let missingTarget = targets.isEmpty && actors.contains { !sources.contains($0.entity) && first($0.mention) > tokens[k] }
        // The words read the actor just before an infinitive as its subject, right after a verb like "urged" only; the
        // parse finds whose purpose the infinitive states, and on whom, where an actor stands before it that the words
        // may have misread ("France summoned China's envoy to complain").
        let infinitive =
            !pattern.isNoun && k > 1 && form(tokens[k - 1]) == "to"
            && actors.contains {
                last($0.mention) == tokens[k] - 2 || (targets.isEmpty && !sources.contains($0.entity) && last($0.mention) < tokens[k])
            }
        guard missingSource || missingTarget || infinitive else { return (sources, targets) }
        if parsed == nil { parsed = parse() }
        if infinitive, let (subjects, objects) = purposeRoles(k) {
            sources = subjects
            targets = targets.filter { !subjects.contains($0) }
            if targets.isEmpty { targets = objects.filter { !subjects.contains($0) } }
            return (sources, targets)
        }
        guard let parsed = parsedRoles(pattern, k) else { return (sources, targets) }
        // The words' reading is kept where it names an actor: it knows titles, pairs ("both sides") and apposed names the
        // parse can miss; the parse fills what it leaves empty. A noun in the object of another event is no act of that
        // event's subject ("condemned the launch").
        if sources.allSatisfy({ $0 == nil }), !parsed.sources.isEmpty, !(pattern.isNoun && objectOfEvent) { sources = parsed.sources }
        // A guessed target needs a source, and actors who act together need none ("Kim and Moon agreed").
        let known = sources.compactMap { $0 }
        if targets.isEmpty, !parsed.guessed || !(known.isEmpty || (known.count >= 2 && isMutual(pattern))) {
            // No actor is its own counterpart: a parse that reads the source into the object phrase names no target.
            targets = parsed.targets.filter { !known.contains($0) }
            guessedTarget = parsed.guessed
        }
        return (sources, targets)
    }

    /// Sources and targets of a trigger at `k` from the sentence's dependency tree: a verb's subjects (its passive
    /// agents), a noun's owner, "by" phrase or light verb's subject; the targets where the pattern's slots say.
    func parsedRoles(_ pattern: EventPatterns.Pattern, _ k: Int) -> (sources: [Int], targets: [Int], guessed: Bool)? {
        guard let parsed, k < parsed.tree.count else { return nil }
        if pattern.isNoun {
            var sources = parsed.owner(of: k).map { parsed.actors([$0]) } ?? []
            if sources.isEmpty { sources = parsed.actors(parsed.obliques(of: k, "by")) }
            if sources.isEmpty, let verb = parsed.governingVerb(ofObject: k), namesOwnAct(parsed.words[verb]) {
                sources = parsed.actors(parsed.subjects(of: verb))
            }
            let slots = slotTargets(pattern, k, parsed)
            return slots.isEmpty ? (sources, phraseTargets(pattern, k, parsed, sources: sources), true) : (sources, slots, false)
        }
        let passive = parsed.isPassive(k) || (tags[k].isPastParticiple && parsed.relation(k).base == "acl")
        let sources = parsed.actors(passive ? parsed.agents(of: k) : parsed.subjects(of: k))
        var targets = slotTargets(pattern, k, parsed)
        if passive, targets.isEmpty, pattern.targets.first == "_" { targets = parsed.actors(parsed.passiveSubjects(of: k)) }
        // The object itself names no one else ("welcomed Peru's decision" welcomes no one).
        guard targets.isEmpty, !pattern.targets.contains("=") else { return (sources.filter { !targets.contains($0) }, targets, false) }
        // Where the pattern's slots are empty: a guess, from the verb's object or oblique, else the trigger's phrase; none
        // for actors who act together ("Trump and Putin agreed to share information on North Korea").
        if !pattern.targets.contains("-"), !(sources.count >= 2 && isMutual(pattern)) { targets = otherSlotTargets(k, parsed) }
        if targets.isEmpty { targets = phraseTargets(pattern, k, parsed, sources: sources) }
        return (sources.filter { !targets.contains($0) }, targets, true)
    }

    /// The roles of an infinitive at `k` that states the purpose of a verb with an object: the verb's subjects act, on
    /// its objects when the infinitive names no one ("France summoned China's envoy to complain": France complains to
    /// China). `nil` after a verb whose object does the act ("urged Iran to stop", ``EventWords/objectControl``), and
    /// after an object that is another actor's act, whose content the infinitive may be ("welcomed Peru's decision to
    /// reopen").
    func purposeRoles(_ k: Int) -> (sources: [Int], targets: [Int])? {
        guard let parsed, k < parsed.tree.count, var verb = parsed.tree.heads[k] else { return nil }
        // The parse may hang the infinitive on an object that names a person ("the envoy to complain").
        if parsed.relation(k).name == "acl", let object = parsed.governingVerb(ofObject: verb), namesPerson(verb, parsed) {
            verb = object
        }
        guard tags[verb].isVerb, !objectControls(verb, parsed),
            parsed.relation(k).isOpenComplement || ["advcl", "acl"].contains(parsed.relation(k).name)
        else { return nil }
        let objects = parsed.objects(of: verb)
        let subjects = parsed.actors(parsed.subjects(of: verb))
        guard !objects.isEmpty, !subjects.isEmpty,
            !objects.contains(where: { !namesPerson($0, parsed) && (parsed.owner(of: $0) != nil || !parsed.obliques(of: $0, "by").isEmpty) }
            )
        else { return nil }
        return (subjects, parsed.actors(objects))
    }

    /// Whether the object of the verb at `verb` does the act of the infinitive after it ("urged Iran to stop", "called on
    /// Iran to stop"); a verb that may name (``EventWords/namingVerbs``) does so only with "on" or "upon" after it:
    /// "called Morrison to congratulate him" is a call made to congratulate.
    func objectControls(_ verb: Int, _ parsed: ParsedSentence) -> Bool {
        let word = parsed.words[verb]
        guard words.objectControl.contains(word) else { return false }
        return !words.namingVerbs.contains(word) || (verb + 1 < parsed.words.count && ["on", "upon"].contains(parsed.words[verb + 1]))
    }

    /// Whether a nominal names someone: an actor's own words, or a noun for a person or body ("envoy", "police").
    func namesPerson(_ nominal: Int, _ parsed: ParsedSentence) -> Bool {
        parsed.actorAt[nominal] != nil || coder.agents?.longestMatch([parsed.words[nominal]], at: 0) != nil
    }

    /// Where no slot of a pattern names a target, the nearest actor in the trigger's phrase other than its sources
    /// ("ambushed a police convoy in western Afghanistan"; "protested in Borno State"); none for actors who act together.
    func phraseTargets(_ pattern: EventPatterns.Pattern, _ k: Int, _ parsed: ParsedSentence, sources: [Int]) -> [Int] {
        return sources.count >= 2 && isMutual(pattern) ? [] : parsed.actorsBelow(k).filter { !sources.contains($0) }
    }

    /// Whether the name at `word` runs on, its title and names aside, into a possessive: the object is what it owns
    /// ("welcomed Azerbaijani President Ilham Aliyev's decision", however the parse hangs the words).
    func ownsNext(_ word: Int, _ parsed: ParsedSentence) -> Bool {
        var next = word + 1
        while next < parsed.words.count, tags[next].isProperNoun { next += 1 }
        return next < parsed.words.count && parsed.words[next] == "'s"
    }

    /// The targets where a pattern's slots stand in the tree: the objects for `_`, the nominals governed by a
    /// preposition; the first slot that holds an actor wins.
    func slotTargets(_ pattern: EventPatterns.Pattern, _ k: Int, _ parsed: ParsedSentence) -> [Int] {
        for slot in pattern.targets {
            if slot == "-" { return [] }
            let nominals =
                switch slot {
                case "_": parsed.objects(of: k)
                case "=": parsed.objects(of: k).filter { parsed.actorAt[$0] != nil && !ownsNext($0, parsed) }
                default: parsed.obliques(of: k, slot)
                }
            let found = parsed.actors(nominals)
            if !found.isEmpty { return found }
        }
        if pattern.targets.contains("=") { return [] }
        // "a diplomat it arrested": a relative clause with a subject of its own acts on the noun it describes.
        if pattern.targets.contains("_"), parsed.relation(k).name == "acl:relcl", let noun = parsed.tree.heads[k],
            parsed.objects(of: k).isEmpty,
            !parsed.tree.dependents(of: k, where: \.isSubject).filter({ !parsed.isRelativePronoun($0) }).isEmpty
        {
            return parsed.actors([noun])
        }
        return []
    }

    /// The verb's object, else its oblique against, with, to, on, at or from someone: where a verb pattern's own slots
    /// name no one.
    func otherSlotTargets(_ k: Int, _ parsed: ParsedSentence) -> [Int] {
        let found = parsed.actors(parsed.objects(of: k))
        if !found.isEmpty { return found }
        for preposition in ["against", "with", "to", "on", "at", "from"] {
            let found = parsed.actors(parsed.obliques(of: k, preposition))
            if !found.isEmpty { return found }
        }
        return []
    }
}
