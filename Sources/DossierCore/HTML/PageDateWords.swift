import Foundation

/// The words that find a page's publication date in its visible text, from `page-dates.txt`: month names in the
/// languages news pages come in, and the class or id words of the elements that hold a date.
///
///     PageDateWords.standard.month("Dezember")   // 12
///     PageDateWords.standard.marksDate(classes: "article__date meta")   // true
public struct PageDateWords: Sendable {
    /// Month numbers by lowercase name or abbreviation.
    let months: [String: Int]
    /// Whole class or id words that mark an element holding a date.
    let classWords: Set<String>

    /// The tables of the package's resources.
    public static let standard: PageDateWords = {
        do {
            return try PageDateWords(lines: Resource.lines("en", "page-dates.txt"))
        } catch {
            fatalError("Dossier's bundled language data is unreadable: \(error)")
        }
    }()

    /// Reads the entries: `month<TAB>N<TAB>names` and `class<TAB>words`.
    public init(lines: [Substring]) throws {
        var months: [String: Int] = [:]
        var classWords = Set<String>()
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true)
            let malformed = ResourceError.malformed(file: "page-dates.txt", line: String(line))
            switch (fields.first, fields.count) {
            case ("month", 3):
                guard let number = Int(fields[1]), (1...12).contains(number) else { throw malformed }
                for name in fields[2].split(separator: "|") { months[String(name)] = number }
            case ("class", 2):
                classWords.formUnion(fields[1].split(separator: "|").map(String.init))
            default:
                throw malformed
            }
        }
        guard Set(months.values).count == 12, !classWords.isEmpty else {
            throw ResourceError.malformed(file: "page-dates.txt", line: "(every month and a class line are needed)")
        }
        self.months = months
        self.classWords = classWords
    }

    /// The month a word names (any case), or nil.
    public func month(_ word: some StringProtocol) -> Int? { months[word.lowercased()] }

    /// Whether a class or id names an element that holds a date: one of its words, cut at anything that is not a
    /// letter and where a lowercase letter meets a capital ("articleDate", "post-date"), is a class word.
    public func marksDate(classes: String) -> Bool {
        var word = ""
        var previousIsLower = false
        for character in classes {
            if character.isLetter {
                if character.isUppercase && previousIsLower {
                    if classWords.contains(word) { return true }
                    word = ""
                }
                word.append(contentsOf: character.lowercased())
                previousIsLower = character.isLowercase
            } else {
                if classWords.contains(word) { return true }
                word = ""
                previousIsLower = false
            }
        }
        return classWords.contains(word)
    }
}
