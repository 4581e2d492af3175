"""``python -m recert.cli``: the same as the ``recert`` command."""

import sys

from recert.cli import main

sys.exit(main())
