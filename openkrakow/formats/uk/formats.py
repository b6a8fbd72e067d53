"""Ukrainian dates without a leading zero, and a day of the month in the genitive: '5 лютого 2017 р.'.

Django's own formats write '05 лютого 2017 р.' and '23 лютий' (the nominative) for a day and month.
"""

DATE_FORMAT = "j E Y р."  # 23 лютого 2017 р.
DATETIME_FORMAT = "j E Y р., H:i"  # 23 лютого 2017 р., 14:30
MONTH_DAY_FORMAT = "j E"  # 23 лютого
