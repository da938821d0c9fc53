/// A duration in seconds as the reports print it: fixed decimals, as C's `%.Nf` prints them (but for
/// values a hair from a tie, which the product with the scale may round the other way).
///
/// Written out rather than through `String(format:)`, whose variadic arguments and Foundation's
/// formatter cost a process some 2.6 M instructions the first time (3% of checking a page).
enum Seconds {
  /// `value` with `places` decimals (0 to 9), rounded to the nearest; `3.14159` at 2 → `"3.14"`.
  static func text(_ value: Double, places: Int) -> String {
    let scale = (0..<places).reduce(1) { product, _ in product * 10 }
    let units = (abs(value) * Double(scale)).rounded(.toNearestOrEven)
    guard units.isFinite, units < 9e15 else { return String(value) }
    let whole = Int(units) / scale
    let fraction = String(Int(units) % scale)
    let sign = value < 0 && units > 0 ? "-" : ""
    guard places > 0 else { return "\(sign)\(whole)" }
    return "\(sign)\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
  }
}
