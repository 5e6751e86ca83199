import DossierCore
import Foundation

/// Reads one fuzz input as an article with `load` and runs `stages` on it. Errors are expected (most inputs are not
/// articles); a trap, a leak or a hang is what the fuzzer looks for.
public func fuzzArticle(_ start: UnsafeRawPointer, _ count: Int, stages: Pipeline, load: (Data) throws -> RawArticle) -> CInt {
    guard let article = try? load(Data(bytes: start, count: count)) else { return 0 }
    var document = article.document()
    try? stages.run(&document)
    return 0
}
