"""Permission matrix rows of the live quiz.

Centre A's quiz (a draft with one question, at an event of centre A) is run by its
organisers, manager A and the coordinator: they open its pages (200), an empty POST is a form
error (400) and deleting the question of the draft succeeds (302). Everybody else signed in
gets 404 on its pages, as if it did not exist; anonymous people are sent to sign in. The list
of quizzes is for the staff (the public user gets 403) and creating one needs a centre
manager or a coordinator. Buttons are POST only (405 on GET, after the quiz's check).

The participants' pages need no account: everyone opens them (200), and an empty answer is a
bad request (400) that writes nothing.
"""

from tests.matrix import ALL_200, Case, S

RUN_GET = S(302, 404, 404, 200, 404, 200)
RUN_POST_EMPTY = S(302, 404, 404, 400, 404, 400)
RUN_POST_DONE = S(302, 404, 404, 302, 404, 302)
RUN_NOT_ALLOWED = S(302, 404, 404, 405, 404, 405)
NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)

KINDS = {
    "quiz_quiz": lambda objects: {"quiz_pk": objects["quiz"].pk},
    "quiz_question": lambda objects: {
        "quiz_pk": objects["quiz"].pk,
        "question_pk": objects["quiz_question"].pk,
    },
    "quiz_code": lambda objects: {"code": objects["quiz"].code},
}

_S = "staff_recruitment:"

ENTRIES = {
    f"{_S}quizzes": Case(get=S(302, 403, 200, 200, 200, 200), post=S(302, 403, 403, 400, 400, 400)),
    f"{_S}quiz": Case("quiz_quiz", get=RUN_GET, post=RUN_POST_EMPTY),
    f"{_S}quiz_edit": Case("quiz_quiz", get=RUN_GET, post=RUN_POST_EMPTY),
    f"{_S}quiz_question": Case("quiz_question", get=RUN_GET, post=RUN_POST_EMPTY),
    f"{_S}quiz_question_move": Case("quiz_question", get=RUN_NOT_ALLOWED, post=RUN_POST_EMPTY),
    f"{_S}quiz_question_delete": Case("quiz_question", get=RUN_NOT_ALLOWED, post=RUN_POST_DONE),
    f"{_S}quiz_control": Case("quiz_quiz", get=RUN_NOT_ALLOWED, post=RUN_POST_EMPTY),
    f"{_S}quiz_screen": Case("quiz_quiz", get=RUN_GET, post=RUN_NOT_ALLOWED),
    f"{_S}quiz_results_fragment": Case("quiz_quiz", get=RUN_GET, post=RUN_NOT_ALLOWED),
    f"{_S}quiz_export": Case("quiz_quiz", get=RUN_GET, post=RUN_NOT_ALLOWED),
    "quiz:join": Case(get=ALL_200, post=NOT_ALLOWED),
    "quiz:play": Case("quiz_code", get=ALL_200, post=NOT_ALLOWED),
    "quiz:play_fragment": Case("quiz_code", get=ALL_200, post=NOT_ALLOWED),
    "quiz:answer": Case("quiz_code", get=NOT_ALLOWED, post=S(400, 400, 400, 400, 400, 400)),
}
