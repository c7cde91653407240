"""What a case needs next, decided once: pure functions of a case's status, dates and order.

No Flask and no SQLite here: the store calls these when it writes and shapes a case, and the
extension renders the codes they return (it decides nothing about a case itself).
"""
