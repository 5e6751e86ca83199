extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `isAfter` holds, in a collection where it holds for a suffix: a binary
    /// search (`endIndex` when it holds for none).
    ///
    ///     [1, 3, 5, 7].partitionPoint { $0 >= 4 }   // 2
    func partitionPoint(where isAfter: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
