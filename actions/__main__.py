"""Start the action server: ``python -m actions --port 5055``.

The same as ``rasa run actions``, but without loading Rasa itself or
TensorFlow, which the actions never use: spaCy's thinc imports TensorFlow
whenever it is installed, costing hundreds of megabytes and seconds of start-up.
"""

import gc
import sys

sys.modules.setdefault("tensorflow", None)  # an import of it now fails fast, and thinc carries on without

from rasa_sdk.__main__ import main  # noqa: E402 - must come after the line above

if __name__ == "__main__":
    if "--actions" not in sys.argv:
        sys.argv += ["--actions", "actions"]
    from careplan import questions, safety, safety_model
    from careplan.nlp import load_spacy

    load_spacy()  # load the model now, so the first person doesn't wait for it
    questions.domain()  # nor for domain.yml (read for the forms' slots and the bot's words)
    safety.load_rules()  # nor for the red-flag patterns (a second to compile)
    safety_model.warm()  # and read the safety model (kept by `make train`; else learnt: a few seconds)
    # What is loaded lives as long as the server: collect once and freeze it, so the
    # garbage collector's full collections walk only what turns make.
    gc.collect()
    gc.freeze()
    main()
