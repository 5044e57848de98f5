"""dateline: news articles in, verifiable event records out.

>>> import dateline
>>> article = dateline.extract(open("examples/seed-euronews-reuters.txt").read())
>>> article.headline, article.published.date
"""

from .article import Article
from .errors import DatelineError, InputRejected, ModelUnavailable, StoreError, UsageError
from .pipeline import Pipeline, clean, extract

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DatelineError",
    "InputRejected",
    "ModelUnavailable",
    "Pipeline",
    "StoreError",
    "UsageError",
    "__version__",
    "clean",
    "extract",
]
