import Foundation

/// The DP over beads in a band of the (source x target) grid.
///
/// Legend: DP node (i, j) = first i source and first j target sentences
/// aligned; a bead (a, b) goes from (i-a, j-b) to (i, j). Row i of the band
/// holds nodes j in lo[i]...hi[i]; lo and hi never decrease with i, so the
/// band is a monotone staircase and memory is O(n * width).
struct Band {
  var lo: [Int]
  var hi: [Int]

  /// Nodes within `halfWidth` of the straight diagonal from (0,0) to (n,m).
  static func diagonal(n: Int, m: Int, halfWidth: Int) -> Band {
    var lo = [Int](), hi = [Int]()
    for i in 0...n {
      let c = n == 0 ? m : Int((Double(i) * Double(m) / Double(n)).rounded())
      lo.append(max(0, c - halfWidth))
      hi.append(min(m, c + halfWidth))
    }
    if n == 0 { lo[0] = 0; hi[0] = m }
    return Band(lo: lo, hi: hi)
  }

  /// Nodes within `halfWidth` of the path of `beads`.
  static func around(_ beads: [Bead], n: Int, m: Int, halfWidth: Int) -> Band {
    var lo = [Int](repeating: Int.max, count: n + 1), hi = [Int](repeating: 0, count: n + 1)
    lo[0] = 0
    for b in beads {
      for i in b.source.lowerBound...b.source.upperBound {
        lo[i] = min(lo[i], b.target.lowerBound - halfWidth)
        hi[i] = max(hi[i], b.target.upperBound + halfWidth)
      }
    }
    for i in 0...n { lo[i] = max(0, lo[i] == Int.max ? 0 : lo[i]); hi[i] = min(m, hi[i]) }
    lo[0] = 0
    hi[n] = m
    if n > 0 { for i in stride(from: n - 1, through: 0, by: -1) { lo[i] = min(lo[i], lo[i + 1]) } }
    for i in 0...n { if i > 0 { hi[i] = max(hi[i], hi[i - 1]) }; lo[i] = min(lo[i], hi[i]) }
    return Band(lo: lo, hi: hi)
  }

  var cells: Int { zip(lo, hi).reduce(0) { $0 + $1.1 - $1.0 + 1 } }
}

/// Parameters of one DP run (filled by `SentenceAligner`).
struct BeadModel {
  var shapes: [(a: Int, b: Int)]
  /// Cost per shape (negative log prior).
  var prior: [Double]
  var ratio: Double
  var variance: Double
  var lengthWeight: Double
  var lexicalWeight: Double
  var skipCost: Double
  var smoothing: Double
  /// Multiple of chance coverage subtracted per sentence pair.
  var chance: Double
  var useLexical: Bool
  /// Paragraph hints (nil when either side has none).
  var sourceParagraph: [Int]?
  var targetParagraph: [Int]?
  var paragraphPenalty: Double
}

/// Pairwise coverage in the band, and the DP.
struct BeadSearch {
  let f: AlignmentFeatures
  let band: Band
  let maxSide: Int
  // Sentence-pair band: for sentence i, targets pLo[i]..<pHi[i]; flat offsets pOff.
  private var pLo: [Int] = [], pHi: [Int] = [], pOff: [Int] = []
  private var sm: [Float] = []  // weight of source units of i with a translation in j
  private var tm: [Float] = []  // weight of target units of j with a translation in i
  private var srcTotal: [Double] = [], tgtTotal: [Double] = []
  /// Chance coverage: mean sm over row i / mean tm over column j of the band,
  /// subtracted per pair so that adding a sentence to a bead gains only what
  /// beats chance.
  private var srcChance: [Double] = [], tgtChance: [Double] = []
  private var lenS: [Double] = [0], lenT: [Double] = [0]

  init(features f: AlignmentFeatures, band: Band, maxSide: Int, lexical: Bool) {
    self.f = f
    self.band = band
    self.maxSide = maxSide
    for x in f.sourceLength { lenS.append(lenS.last! + x) }
    for x in f.targetLength { lenT.append(lenT.last! + x) }
    let n = f.n, m = f.m
    var off = 0
    for i in 0..<n {
      let lo = max(0, band.lo[i] - maxSide), hi = min(m, band.hi[min(n, i + maxSide)] + 1)
      pLo.append(lo); pHi.append(max(lo, hi)); pOff.append(off)
      off += max(0, hi - lo)
    }
    sm = [Float](repeating: 0, count: off)
    tm = [Float](repeating: 0, count: off)
    srcTotal = (0..<n).map { i in
      (Int(f.srcUnitStart[i])..<Int(f.srcUnitStart[i + 1])).reduce(0.0) { $0 + Double(f.srcWeight[Int(f.srcUnit[$1])]) }
    }
    tgtTotal = (0..<m).map { j in
      (Int(f.tgtUnitStart[j])..<Int(f.tgtUnitStart[j + 1])).reduce(0.0) { $0 + Double(f.tgtWeight[Int(f.tgtUnit[$1])]) }
    }
    srcChance = [Double](repeating: 0, count: n)
    tgtChance = [Double](repeating: 0, count: m)
    if lexical && n > 0 && m > 0 { fillCoverage(); fillChance() }
  }

  private mutating func fillChance() {
    var colSum = [Double](repeating: 0, count: f.m), colCount = [Double](repeating: 0, count: f.m)
    for i in 0..<f.n {
      var sum = 0.0
      for j in pLo[i]..<pHi[i] {
        sum += Double(sm[pOff[i] + j - pLo[i]])
        colSum[j] += Double(tm[pOff[i] + j - pLo[i]])
        colCount[j] += 1
      }
      srcChance[i] = pHi[i] > pLo[i] ? sum / Double(pHi[i] - pLo[i]) : 0
    }
    for j in 0..<f.m { tgtChance[j] = colCount[j] > 0 ? colSum[j] / colCount[j] : 0 }
  }

  private mutating func fillCoverage() {
    let n = f.n, m = f.m
    f.srcUnit.withUnsafeBufferPointer { srcUnit in
    f.tgtUnit.withUnsafeBufferPointer { tgtUnit in
    f.cand.withUnsafeBufferPointer { cand in
    f.candStart.withUnsafeBufferPointer { candStart in
    f.srcWeight.withUnsafeBufferPointer { srcWeight in
    f.tgtWeight.withUnsafeBufferPointer { tgtWeight in
      // Target coverage: stamp the candidates of source sentence i, scan the targets in its band.
      var stamp = [Int32](repeating: -1, count: max(1, f.targetIdCount))
      for i in 0..<n {
        let mark = Int32(i)
        for k in Int(f.srcUnitStart[i])..<Int(f.srcUnitStart[i + 1]) {
          let s = Int(srcUnit[k])
          if srcWeight[s] == 0 { continue }
          for c in Int(candStart[s])..<Int(candStart[s + 1]) { stamp[Int(cand[c])] = mark }
        }
        for k in Int(f.srcExtraStart[i])..<Int(f.srcExtraStart[i + 1]) {
          let s = Int(f.srcExtra[k])
          for c in Int(candStart[s])..<Int(candStart[s + 1]) { stamp[Int(cand[c])] = mark }
        }
        for j in pLo[i]..<pHi[i] {
          var w: Float = 0
          for k in Int(f.tgtUnitStart[j])..<Int(f.tgtUnitStart[j + 1]) {
            let t = Int(tgtUnit[k])
            if stamp[t] == mark { w += tgtWeight[t] }
          }
          tm[pOff[i] + j - pLo[i]] = w
        }
      }
      // Source coverage: stamp the units of target sentence j, scan the sources whose band holds j.
      for x in 0..<stamp.count { stamp[x] = -1 }
      var first = 0
      for j in 0..<m {
        let mark = Int32(j)
        for k in Int(f.tgtUnitStart[j])..<Int(f.tgtUnitStart[j + 1]) { stamp[Int(tgtUnit[k])] = mark }
        while first < n && pHi[first] <= j { first += 1 }
        var i = first
        while i < n && pLo[i] <= j {
          if j < pHi[i] {
            var w: Float = 0
            for k in Int(f.srcUnitStart[i])..<Int(f.srcUnitStart[i + 1]) {
              let s = Int(srcUnit[k])
              let ws = srcWeight[s]
              if ws == 0 { continue }
              for c in Int(candStart[s])..<Int(candStart[s + 1]) where stamp[Int(cand[c])] == mark {
                w += ws
                break
              }
            }
            sm[pOff[i] + j - pLo[i]] = w
          }
          i += 1
        }
      }
    }}}}}}
  }

  @inline(__always) private func pair(_ a: [Float], _ i: Int, _ j: Int) -> Double {
    j >= pLo[i] && j < pHi[i] ? Double(a[pOff[i] + j - pLo[i]]) : 0
  }

  /// Lexical agreement of source i0..<i1 and target j0..<j1: per sentence, the
  /// share of its weight covered by the other side beyond chance, summed over
  /// the bead's sentences (0...a+b). A bonus, so that merging two beads gains
  /// nothing unless the cross pairs beat chance.
  func agreement(_ i0: Int, _ i1: Int, _ j0: Int, _ j1: Int, smoothing: Double, chance: Double) -> Double {
    var sum = 0.0
    for i in i0..<i1 where srcTotal[i] > 0 {
      var s = 0.0
      for j in j0..<j1 { s += max(0, pair(sm, i, j) - chance * srcChance[i]) }
      sum += min(srcTotal[i], s) / (srcTotal[i] + smoothing)
    }
    for j in j0..<j1 where tgtTotal[j] > 0 {
      var s = 0.0
      for i in i0..<i1 { s += max(0, pair(tm, i, j) - chance * tgtChance[j]) }
      sum += min(tgtTotal[j], s) / (tgtTotal[j] + smoothing)
    }
    return sum
  }

  /// Gale-Church: -log P(|delta|) of target length given source length.
  func lengthCost(_ i0: Int, _ i1: Int, _ j0: Int, _ j1: Int, model: BeadModel) -> Double {
    let ls = lenS[i1] - lenS[i0], lt = lenT[j1] - lenT[j0]
    let mean = max(1, (ls + lt / model.ratio) / 2)
    let delta = abs(lt - model.ratio * ls) / sqrt(mean * model.variance)
    if delta < 7 { return -log(max(1e-300, erfc(delta / 2.0.squareRoot()))) }
    return delta * delta / 2 + log(delta * (Double.pi / 2).squareRoot())
  }

  /// Cost of one bead and its (lexical similarity, length cost).
  func beadCost(_ shape: Int, _ i0: Int, _ i1: Int, _ j0: Int, _ j1: Int, model: BeadModel)
    -> (cost: Double, sim: Double, len: Double)
  {
    let a = i1 - i0, b = j1 - j0
    var cost = model.prior[shape]
    if let sp = model.sourceParagraph, let tp = model.targetParagraph {
      if a > 1, sp[i0] != sp[i1 - 1] { cost += model.paragraphPenalty }
      if b > 1, tp[j0] != tp[j1 - 1] { cost += model.paragraphPenalty }
      if a > 0, b > 0 {
        let ns = i0 == 0 || sp[i0] != sp[i0 - 1], nt = j0 == 0 || tp[j0] != tp[j0 - 1]
        if ns != nt { cost += model.paragraphPenalty / 2 }
      }
    }
    if a == 0 || b == 0 { return (cost + model.skipCost * Double(a + b), 0, 0) }
    let len = lengthCost(i0, i1, j0, j1, model: model)
    let agree = model.useLexical ? agreement(i0, i1, j0, j1, smoothing: model.smoothing, chance: model.chance) : 0
    cost += model.lengthWeight * len - model.lexicalWeight * agree
    return (cost, agree / Double(a + b), len)
  }

  /// Best bead path through the band, or nil when (n, m) cannot be reached.
  func run(model: BeadModel) -> [(shape: Int, i: Int, j: Int)]? {
    let n = f.n
    var rowOff = [Int](), total = 0
    for i in 0...n { rowOff.append(total); total += band.hi[i] - band.lo[i] + 1 }
    var cost = [Float](repeating: .infinity, count: total)
    var back = [UInt8](repeating: 255, count: total)
    cost[0] = 0
    for i in 0...n {
      for j in band.lo[i]...band.hi[i] where i > 0 || j > 0 {
        var best = Float.infinity, arg: UInt8 = 255
        for (k, s) in model.shapes.enumerated() {
          let pi = i - s.a, pj = j - s.b
          guard pi >= 0, pj >= band.lo[pi], pj <= band.hi[pi] else { continue }
          let prev = cost[rowOff[pi] + pj - band.lo[pi]]
          if prev == .infinity { continue }
          let c = prev + Float(beadCost(k, pi, i, pj, j, model: model).cost)
          if c < best { best = c; arg = UInt8(k) }
        }
        cost[rowOff[i] + j - band.lo[i]] = best
        back[rowOff[i] + j - band.lo[i]] = arg
      }
    }
    let m = f.m
    guard m >= band.lo[n], m <= band.hi[n], cost[rowOff[n] + m - band.lo[n]] < .infinity else { return nil }
    var path: [(shape: Int, i: Int, j: Int)] = []
    var i = n, j = m
    while i > 0 || j > 0 {
      let k = Int(back[rowOff[i] + j - band.lo[i]])
      path.append((k, i, j))
      i -= model.shapes[k].a
      j -= model.shapes[k].b
    }
    return path.reversed()
  }
}
