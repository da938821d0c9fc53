/// Work a service finishes after it has answered (scheduling, creating on a back end): it runs
/// once virtual time passes its due time, in the order it was due.
struct PendingWork {
  var due: Int64
  var run: @Sendable (inout CloudState) -> Void
}

extension CloudState {
  /// Schedules `work` to run `delay` microseconds from now.
  mutating func after(_ delay: Int64, _ work: @escaping @Sendable (inout CloudState) -> Void) {
    pending.append(PendingWork(due: clock.now + delay, run: work))
  }

  /// Runs the work that is due, each at its own time.
  mutating func runDueWork() {
    let now = clock.now
    while let next = pending.enumerated().filter({ $0.element.due <= now }).min(by: { $0.element.due < $1.element.due }) {
      pending.remove(at: next.offset)
      let resume = clock.now
      clock.set(next.element.due)
      next.element.run(&self)
      clock.set(resume)
    }
  }
}
