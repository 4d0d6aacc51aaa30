import GlossaryAlign

/// Word links of every aligned pair of a prepared corpus (the store's frozen word model's,
/// spread over units), and the lexical translation tables that produced them (by the corpus's
/// own token ids), for the lexical weights of mined phrase pairs.
public struct CorpusWordAlignment: @unchecked Sendable {
  /// Per pair, links between unit positions (a word's link holds for each of its units).
  public var links: [[AlignmentLink]]
  /// t(target | source) and t(target | NULL), by word ids (`AlignedPair.sourceWord(at:)`).
  public var forward: (_ source: Int32, _ target: Int32) -> Double
  public var forwardNull: (_ target: Int32) -> Double
  /// t(source | target) and t(source | NULL).
  public var reverse: (_ source: Int32, _ target: Int32) -> Double
  public var reverseNull: (_ source: Int32) -> Double

  public init(
    links: [[AlignmentLink]], forward: @escaping (Int32, Int32) -> Double = { _, _ in 0 },
    forwardNull: @escaping (Int32) -> Double = { _ in 0 }, reverse: @escaping (Int32, Int32) -> Double = { _, _ in 0 },
    reverseNull: @escaping (Int32) -> Double = { _ in 0 }
  ) {
    self.links = links
    self.forward = forward
    self.forwardNull = forwardNull
    self.reverse = reverse
    self.reverseNull = reverseNull
  }
}

