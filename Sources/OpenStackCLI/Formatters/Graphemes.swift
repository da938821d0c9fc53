/// Grapheme clusters as wcwidth 0.9.4 segments them (`wcwidth.iter_graphemes`), which is where
/// wcwidth.wrap may cut a word that is too long for its line.
///
/// Why not Swift's `Character`: wcwidth's rules are UAX #29's with its own tables (Unicode 18)
/// and a looser conjunct rule (GB9c joins a consonant to any preceding linker, consonant before
/// it or not), so the two disagree on Indic text and on characters newer than the toolchain's
/// Unicode data.
enum Graphemes {
  enum Break: Equatable {
    case other, cr, lf, control, extend, zwj, regionalIndicator, prepend, spacingMark, l, v, t, lv,
      lvt
  }

  /// `_grapheme_cluster_break`.
  static func property(_ value: UInt32) -> Break {
    switch value {
    case 0x0D: return .cr
    case 0x0A: return .lf
    case 0x200D: return .zwj
    default: break
    }
    if WCWidthTables.graphemeControl.contains(value) { return .control }
    if WCWidthTables.graphemeExtend.contains(value) { return .extend }
    if WCWidthTables.regionalIndicator.contains(value) { return .regionalIndicator }
    if WCWidthTables.graphemePrepend.contains(value) { return .prepend }
    if WCWidthTables.graphemeSpacingMark.contains(value) { return .spacingMark }
    if WCWidthTables.hangulL.contains(value) { return .l }
    if WCWidthTables.hangulV.contains(value) { return .v }
    if WCWidthTables.hangulT.contains(value) { return .t }
    if WCWidthTables.hangulLV.contains(value) { return .lv }
    if WCWidthTables.hangulLVT.contains(value) { return .lvt }
    return .other
  }

  /// The end of the cluster that starts at `start` (`next(iter_graphemes(text, start=start))`);
  /// the rules look no further back than `start`.
  static func clusterEnd(_ text: [Unicode.Scalar], from start: Int) -> Int {
    guard start < text.count else { return start }
    var previous = property(text[start].value)
    var regionalCount = previous == .regionalIndicator ? 1 : 0
    var index = start + 1
    while index < text.count {
      let current = property(text[index].value)
      let (split, count) = shouldBreak(previous, current, text, index, regionalCount, start: start)
      regionalCount = count
      if split { return index }
      previous = current
      index += 1
    }
    return text.count
  }

  /// `_should_break`: whether a cluster ends between `text[index - 1]` and `text[index]`, and
  /// the count of regional indicators pending a pair.
  private static func shouldBreak(
    _ previous: Break, _ current: Break, _ text: [Unicode.Scalar], _ index: Int,
    _ regionalCount: Int, start: Int
  ) -> (Bool, Int) {
    let startsFlag = current == .regionalIndicator ? 1 : 0
    let control: Set<Break> = [.control, .cr, .lf]
    // GB3 to GB5: CR LF stays whole; a break after and before any other control.
    if previous == .cr && current == .lf { return (false, 0) }
    if control.contains(previous) { return (true, startsFlag) }
    if control.contains(current) { return (true, 0) }
    // GB6 to GB8: Hangul syllables.
    if previous == .l && [.l, .v, .lv, .lvt].contains(current) { return (false, 0) }
    if (previous == .lv || previous == .v) && (current == .v || current == .t) { return (false, 0) }
    if (previous == .lvt || previous == .t) && current == .t { return (false, 0) }
    // GB9, GB9a, GB9b: extenders and spacing marks join what precedes, prepends what follows.
    if current == .extend || current == .spacingMark { return (false, 0) }
    if previous == .prepend { return (false, startsFlag) }
    if current == .zwj { return (false, 0) }
    let value = text[index].value
    // GB9c: Linker Extend* × Consonant.
    if WCWidthTables.conjunctConsonant.contains(value) {
      var position = index - 1
      while position >= start, WCWidthTables.conjunctExtend.contains(text[position].value) {
        position -= 1
      }
      if position >= start, WCWidthTables.conjunctLinker.contains(text[position].value) {
        return (false, 0)
      }
    }
    // GB11: ExtPict Extend* ZWJ × ExtPict.
    if previous == .zwj && WCWidthTables.extendedPictographic.contains(value) {
      var position = index - 2
      while position >= start {
        let before = text[position].value
        if property(before) == .extend {
          position -= 1
        } else if WCWidthTables.extendedPictographic.contains(before) {
          return (false, 0)
        } else {
          break
        }
      }
    }
    // GB12, GB13: regional indicators pair up.
    if previous == .regionalIndicator && current == .regionalIndicator {
      return regionalCount % 2 == 1 ? (false, regionalCount + 1) : (true, 1)
    }
    return (true, startsFlag)
  }
}
