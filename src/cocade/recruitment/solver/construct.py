"""Constructive schedules: a König edge colouring where no side constraint applies, a greedy
schedule otherwise. Both seed the CP-SAT search and serve as its fallback."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import Board, Instance, Interview, Problem, Task, assign_tables

KONIG = "konig"
GREEDY = "greedy"


def construct(instance: Instance) -> tuple[list[Interview], str]:
    """The constructive schedule of an instance and the method that made it."""
    from .parse import validate

    validate(instance)
    problem = Problem(instance)
    assignment, method = constructive(problem)
    return assign_tables(problem, assignment), method


def greedy(instance: Instance) -> list[Interview]:
    """The greedy schedule of an instance (the baseline the solver never does worse than)."""
    from .parse import validate

    validate(instance)
    problem = Problem(instance)
    return assign_tables(problem, greedy_assignment(problem))


def constructive(problem: Problem) -> tuple[dict[int, int], str]:
    """König's colouring when it applies, the greedy schedule otherwise."""
    if konig_applies(problem):
        return konig_assignment(problem), KONIG
    return greedy_assignment(problem), GREEDY


# --- König ------------------------------------------------------------------------------------


def konig_applies(problem: Problem) -> bool:
    """No side constraint: no window that leaves out a slot, no gap, no maximum below a
    candidate's number of interviews, nothing fixed, no "now", nobody absent, and a maximum
    degree that fits in the day."""
    instance = problem.instance
    if problem.gap or instance.fixed or instance.not_before is not None or instance.absent:
        return False
    everything = len(problem.starts)
    if any(task.reason is not None for task in problem.tasks):
        return False
    if any(len(task.domain) != everything for task in problem.placeable):
        return False
    for candidate, tasks in enumerate(problem.by_candidate):
        quota = problem.quota[candidate]
        if quota is not None and quota < len(tasks):
            return False
    return konig_degree(problem) <= everything


def _konig_edges(problem: Problem) -> tuple[list[tuple[int, int]], list[Task], int]:
    """Edges candidate -> company copy: a company of t tables is t copies, its interviews
    spread over them in turn. Returns the edges, their tasks and the number of copies."""
    by_company: list[list[Task]] = [[] for _ in problem.company_ids]
    for task in problem.placeable:
        by_company[task.company].append(task)
    edges: list[tuple[int, int]] = []
    tasks: list[Task] = []
    copies = 0
    for company, company_tasks in enumerate(by_company):
        company_tasks.sort(key=lambda task: task.candidate)
        tables = problem.tables[company]
        for number, task in enumerate(company_tasks):
            edges.append((task.candidate, copies + number % tables))
            tasks.append(task)
        copies += tables
    return edges, tasks, copies


def konig_degree(problem: Problem) -> int:
    """Δ: the largest number of interviews of a candidate or of a company's table."""
    edges, _, copies = _konig_edges(problem)
    degree = [0] * (len(problem.candidate_ids) + copies)
    for candidate, copy in edges:
        degree[candidate] += 1
        degree[len(problem.candidate_ids) + copy] += 1
    return max(degree, default=0)


def konig_assignment(problem: Problem) -> dict[int, int]:
    """A proper edge colouring of the candidate/table graph with exactly Δ colours (König's
    theorem), colour c being the c-th usable slot: everything fits in the first Δ slots."""
    edges, tasks, _ = _konig_edges(problem)
    left = len(problem.candidate_ids)
    colours = konig_degree(problem)
    vertices = left + max((copy for _, copy in edges), default=-1) + 1
    at = [[-1] * colours for _ in range(vertices)]
    colour = [-1] * len(edges)
    ends = [(candidate, left + copy) for candidate, copy in edges]

    def other(edge: int, vertex: int) -> int:
        first, second = ends[edge]
        return second if vertex == first else first

    for edge, (u, v) in enumerate(ends):
        a = at[u].index(-1)
        b = at[v].index(-1)
        if at[v][a] != -1:
            # Swap a and b along the path from v that alternates a, b: it never reaches u.
            path: list[int] = []
            vertex, wanted, then = v, a, b
            while at[vertex][wanted] != -1:
                step = at[vertex][wanted]
                path.append(step)
                vertex = other(step, vertex)
                wanted, then = then, wanted
            for step in path:
                first, second = ends[step]
                at[first][colour[step]] = -1
                at[second][colour[step]] = -1
            for step in path:
                colour[step] = b if colour[step] == a else a
                first, second = ends[step]
                at[first][colour[step]] = step
                at[second][colour[step]] = step
        colour[edge] = a
        at[u][a] = edge
        at[v][a] = edge
    return {task.index: colour[edge] for edge, task in enumerate(tasks)}


# --- greedy ------------------------------------------------------------------------------------


def greedy_assignment(problem: Problem, order: list[int] | None = None) -> dict[int, int]:
    """Greedy: the hinted slots that still fit; then the interviews a min-cost flow selects
    (most interviews, then best ranks, ignoring the clock); then, candidate by candidate
    (in `order`, by default the fewest usable slots first), their selected interviews in the
    shortest stretch of the day that holds them; then every interview left, best rank first,
    at the fitting slot that adds the least idle time; then `polish`."""
    board = Board(problem)
    for task in problem.placeable:
        if task.hint_slot is not None and board.fits(task, task.hint_slot):
            board.place(task, task.hint_slot)
    selected = select(problem, board)
    order = candidate_order(problem) if order is None else order
    for candidate in order:
        if board.taken[candidate]:
            continue
        tasks = [task for task in problem.by_candidate[candidate] if task.index in selected]
        if tasks:
            _place_compact(board, tasks)
    rank_of = {candidate: number for number, candidate in enumerate(order)}

    def key(task: Task) -> tuple[int, int, int]:
        return (task.rank, rank_of[task.candidate], task.company)

    left = [task for task in problem.placeable if task.index not in board.assignment]
    fill(board, sorted((task for task in left if task.index in selected), key=key))
    fill(board, sorted((task for task in left if task.index not in selected), key=key))
    polish(board)
    return board.assignment


def polish(board: Board, passes: int = 10) -> None:
    """Shorten candidates' days: move a candidate's first or last interview into a free slot
    inside their day (same company, a table free), or swap it there with another candidate's
    interview at that company when the two together lose idle time. Fixed interviews stay."""
    problem = board.problem
    holder: dict[tuple[int, int], list[int]] = {}
    mine: list[dict[int, int]] = [{} for _ in problem.candidate_ids]
    for index, slot in board.assignment.items():
        task = problem.tasks[index]
        holder.setdefault((task.company, slot), []).append(index)
        mine[task.candidate][slot] = index
    pinned = [
        {task.fixed_slot for task in fixed if task.fixed_slot is not None}
        for fixed in problem.fixed_by_candidate
    ]
    domains: dict[int, frozenset[int]] = {}

    def allowed(task: Task, slot: int) -> bool:
        if task.index not in domains:
            domains[task.index] = frozenset(task.domain)
        return slot in domains[task.index]

    def idle(candidate: int, change: dict[int, int | None]) -> int:
        used = {**dict.fromkeys(pinned[candidate], 0), **mine[candidate]}
        for slot, index in change.items():
            if index is None:
                used.pop(slot, None)
            else:
                used[slot] = index
        return max(used) - min(used) + 1 - len(used) if used else 0

    def free_at(candidate: int, slot: int, leaving: int) -> bool:
        position, reach = problem.positions[slot], problem.gap
        return all(
            abs(position - problem.positions[other]) > reach
            for other in [*mine[candidate], *pinned[candidate]]
            if other != leaving
        )

    def move(index: int, old: int, new: int) -> None:
        task = problem.tasks[index]
        holder[(task.company, old)].remove(index)
        holder.setdefault((task.company, new), []).append(index)
        del mine[task.candidate][old]
        mine[task.candidate][new] = index
        board.assignment[index] = new
        board.load[task.company][old] -= 1
        board.load[task.company][new] += 1
        taken = board.taken[task.candidate]
        taken.remove(problem.positions[old])
        taken.append(problem.positions[new])

    for _ in range(passes):
        improved = False
        for candidate in range(len(problem.candidate_ids)):
            while True:
                before = idle(candidate, {})
                if before == 0 or not _polish_one(
                    problem, candidate, before, mine, holder, allowed, idle, free_at, move, board
                ):
                    break
                improved = True
        if not improved:
            return


def _polish_one(
    problem: Problem,
    candidate: int,
    before: int,
    mine: list[dict[int, int]],
    holder: dict[tuple[int, int], list[int]],
    allowed: Callable[[Task, int], bool],
    idle: Callable[[int, dict[int, int | None]], int],
    free_at: Callable[[int, int, int], bool],
    move: Callable[[int, int, int], None],
    board: Board,
) -> bool:
    """One improving move for the candidate's first or last interview, if any."""
    used = sorted(mine[candidate])
    if not used:
        return False
    holes = [slot for slot in range(used[0], used[-1] + 1) if slot not in mine[candidate]]
    for end in dict.fromkeys((used[0], used[-1])):
        index = mine[candidate][end]
        task = problem.tasks[index]
        for hole in holes:
            if not allowed(task, hole) or not free_at(candidate, hole, end):
                continue
            if idle(candidate, {end: None, hole: index}) >= before:
                continue
            if board.company_free(task, hole):
                move(index, end, hole)
                return True
            for other_index in list(holder.get((task.company, hole), [])):
                other = problem.tasks[other_index]
                partner = other.candidate
                if partner == candidate or not allowed(other, end):
                    continue
                if not free_at(partner, end, hole):
                    continue
                gain = before - idle(candidate, {end: None, hole: index})
                loss = idle(partner, {hole: None, end: other_index}) - idle(partner, {})
                if gain > loss:
                    move(index, end, hole)
                    move(other_index, hole, end)
                    return True
    return False


def select(problem: Problem, board: Board) -> set[int]:
    """The interviews to place, by a min-cost flow candidates -> companies that ignores the
    clock: as many as the candidates' maxima and the companies' free table-slots allow, then
    the best ranks. Interviews already on the board count as selected."""
    import numpy
    from ortools.graph.python import min_cost_flow

    candidates = len(problem.candidate_ids)
    companies = len(problem.company_ids)
    source, sink = candidates + companies, candidates + companies + 1
    tails: list[int] = []
    heads: list[int] = []
    capacities: list[int] = []
    costs: list[int] = []

    def arc(tail: int, head: int, capacity: int, cost: int) -> None:
        tails.append(tail)
        heads.append(head)
        capacities.append(capacity)
        costs.append(cost)

    open_tasks = [task for task in problem.placeable if task.index not in board.assignment]
    usable: list[set[int]] = [set() for _ in range(companies)]
    for task in open_tasks:
        arc(task.candidate, candidates + task.company, 1, -task.weight)
        usable[task.company].update(task.domain)
    for candidate, tasks in enumerate(problem.by_candidate):
        if not tasks:
            continue
        quota = problem.quota[candidate]
        limit = len(tasks) if quota is None else quota
        arc(source, candidate, max(0, limit - board.count[candidate]), 0)
    for company in range(companies):
        free = sum(
            problem.capacity[company][slot] - board.load[company][slot] for slot in usable[company]
        )
        arc(candidates + company, sink, free, 0)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        numpy.array(tails, dtype=numpy.int32),
        numpy.array(heads, dtype=numpy.int32),
        numpy.array(capacities, dtype=numpy.int64),
        numpy.array(costs, dtype=numpy.int64),
    )
    flow.set_node_supply(source, len(open_tasks))
    flow.set_node_supply(sink, -len(open_tasks))
    selected = set(board.assignment)
    if flow.solve_max_flow_with_min_cost() != flow.OPTIMAL:
        return selected | {task.index for task in open_tasks}
    flows = flow.flows(numpy.arange(len(open_tasks)))
    return selected | {task.index for task, used in zip(open_tasks, flows, strict=True) if used}


def candidate_order(problem: Problem) -> list[int]:
    """Candidates with the fewest usable slots first, then the most interviews, then input
    order."""

    def key(candidate: int) -> tuple[int, int, int]:
        tasks = problem.by_candidate[candidate]
        usable = len(set().union(*(task.domain for task in tasks))) if tasks else 0
        return (usable, -len(tasks), candidate)

    return sorted(range(len(problem.candidate_ids)), key=key)


def _place_compact(board: Board, tasks: list[Task]) -> None:
    """Place a candidate's interviews (who has none yet) in the shortest stretch of slots
    that holds as many of them as can be placed at all, the earliest such stretch on a tie.
    With a minimum gap the stretch is a grid of slots that far apart."""
    problem = board.problem
    step = 1 + problem.gap
    positions = problem.positions
    options = [[slot for slot in task.domain if board.company_free(task, slot)] for task in tasks]
    rows = [row for row, slots in enumerate(options) if slots]
    if not rows:
        return
    best: tuple[int, int, dict[int, int]] | None = None
    if step == 1:
        best = _shortest_stretch(rows, options, positions)
    else:
        for phase in range(step):
            found = _shortest_stretch(
                rows,
                [[slot for slot in slots if positions[slot] % step == phase] for slots in options],
                positions,
            )
            if found is None:
                continue
            if best is None or (-len(found[2]), *found[:2]) < (-len(best[2]), *best[:2]):
                best = found
    if best is None:
        return
    for row, slot in sorted(best[2].items()):
        board.place(tasks[row], slot)


def _shortest_stretch(
    rows: list[int], options: list[list[int]], positions: list[int]
) -> tuple[int, int, dict[int, int]] | None:
    """The narrowest span of positions [low, high] in which the most rows can each get a slot
    of their own: (width, low, row -> slot), by two pointers over the usable slots with an
    incremental bipartite matching."""
    users: dict[int, list[int]] = {}
    for row in rows:
        for slot in options[row]:
            users.setdefault(slot, []).append(row)
    columns = sorted(users)
    if not columns:
        return None
    most = _most_matched(rows, options)
    row_of: dict[int, int] = {}
    slot_of: dict[int, int] = {}
    active: set[int] = set()

    def augment(row: int, seen: set[int]) -> bool:
        for slot in options[row]:
            if slot not in active or slot in seen:
                continue
            seen.add(slot)
            other = row_of.get(slot)
            if other is None or augment(other, seen):
                row_of[slot] = row
                slot_of[row] = slot
                return True
        return False

    best: tuple[int, int, dict[int, int]] | None = None
    right = -1
    for low in columns:
        while len(slot_of) < most and right + 1 < len(columns):
            right += 1
            active.add(columns[right])
            for row in rows:
                if row not in slot_of and augment(row, set()):
                    break
        if len(slot_of) < most:
            break
        width = positions[columns[right]] - positions[low]
        if best is None or width < best[0]:
            best = (width, low, dict(slot_of))
        active.discard(low)
        if low in row_of:
            row = row_of.pop(low)
            del slot_of[row]
            augment(row, set())
    return best


def _most_matched(rows: list[int], options: list[list[int]]) -> int:
    """The size of a maximum matching of rows to slots."""
    row_of: dict[int, int] = {}

    def augment(row: int, seen: set[int]) -> bool:
        for slot in options[row]:
            if slot in seen:
                continue
            seen.add(slot)
            other = row_of.get(slot)
            if other is None or augment(other, seen):
                row_of[slot] = row
                return True
        return False

    return sum(1 for row in rows if augment(row, set()))


def fill(board: Board, tasks: Iterable[Task]) -> None:
    """Place each task, in the order given, at the fitting slot that adds the least idle time
    to its candidate's day (the earliest on a tie); skip the ones that fit nowhere."""
    problem = board.problem
    slots_of: dict[int, list[int]] = {}
    for index, slot in board.assignment.items():
        slots_of.setdefault(problem.tasks[index].candidate, []).append(slot)
    for task in problem.fixed_tasks:
        assert task.fixed_slot is not None
        slots_of.setdefault(task.candidate, []).append(task.fixed_slot)
    for task in tasks:
        if not board.quota_left(task):
            continue
        taken = slots_of.get(task.candidate)
        low = min(taken) if taken else None
        high = max(taken) if taken else None
        best: tuple[int, int] | None = None
        for slot in task.domain:
            if not (board.company_free(task, slot) and board.candidate_free(task, slot)):
                continue
            if low is None or high is None:
                cost = 0
            elif slot < low:
                cost = low - slot - 1
            elif slot > high:
                cost = slot - high - 1
            else:
                cost = -1
            if best is None or cost < best[0]:
                best = (cost, slot)
        if best is not None:
            board.place(task, best[1])
            slots_of.setdefault(task.candidate, []).append(best[1])
