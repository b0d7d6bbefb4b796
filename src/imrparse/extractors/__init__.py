"""Extractors: read typed values out of the cleaned text of one construct.

One module a construct: :mod:`.reviewer`, :mod:`.summary`, :mod:`.treatments`,
:mod:`.citations`, and the date reader they share, :mod:`.dates`.
"""
