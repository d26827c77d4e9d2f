package io.etcdwarden.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check found: a state, a one-line summary, detail lines (long output) and perfdata, and
 * the results it was built from. A parent's state is the worst of its own and its children's
 * ({@link State#worst}); its perfdata is its own followed by its children's, depth first.
 */
public record CheckResult(State state, String summary, List<String> details,
    List<Perfdata> perfdata, List<CheckResult> children) {

  public CheckResult {
    details = List.copyOf(details);
    perfdata = List.copyOf(perfdata);
    children = List.copyOf(children);
  }

  /** A leaf result. */
  public static CheckResult of(State state, String summary, Perfdata... perfdata) {
    return new CheckResult(state, summary, List.of(), List.of(perfdata), List.of());
  }

  /** A leaf result that was not evaluated, and says why in its summary. */
  public static CheckResult skipped(String why) {
    return of(State.OK, why);
  }

  /** The worst state in this tree. */
  public State overall() {
    State worst = state;
    for (CheckResult child : children) {
      worst = worst.worst(child.overall());
    }
    return worst;
  }

  /** Every perfdata item in this tree, own items first. */
  public List<Perfdata> allPerfdata() {
    List<Perfdata> all = new ArrayList<>(perfdata);
    children.forEach(c -> all.addAll(c.allPerfdata()));
    return all;
  }

  /** The summaries of the leaves whose state is {@code wanted}, in tree order. */
  public List<String> summariesIn(State wanted) {
    List<String> found = new ArrayList<>();
    if (children.isEmpty() && state == wanted) {
      found.add(summary);
    }
    children.forEach(c -> found.addAll(c.summariesIn(wanted)));
    return found;
  }
}
