import Foundation

/// A file of URLs to watch: one a line, blank lines and `#` comments ignored.
///
/// ```
/// # world news
/// https://example.com/rss
/// https://example.org/sitemap-news.xml   # a news sitemap
/// ```
public enum FeedList {
    /// A line that holds no http(s) URL.
    public struct BadLine: Error, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var text: String

        public var description: String { "\(path):\(line): '\(text)' is not an http(s) URL" }
    }

    /// The URLs of the list's text, in order; throws ``BadLine`` for a line that holds something else.
    public static func urls(in text: String, path: String) throws -> [URL] {
        var urls: [URL] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespacesAndNewlines)
            if content.isEmpty { continue }
            guard let url = URL(string: content), url.canonical != nil else { throw BadLine(path: path, line: index + 1, text: content) }
            urls.append(url)
        }
        return urls
    }
}
