"""English as written in Kraków's documents and by most of its readers: '23 February 2017', a 24-hour clock.

Django's own English formats are American ('Feb. 23, 2017, 10 a.m.').
"""

DATE_FORMAT = "j F Y"  # 23 February 2017
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j F Y, H:i"  # 23 February 2017, 14:30
YEAR_MONTH_FORMAT = "F Y"  # February 2017
MONTH_DAY_FORMAT = "j F"  # 23 February
SHORT_DATE_FORMAT = "d/m/Y"  # 23/02/2017
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 23/02/2017 14:30
FIRST_DAY_OF_WEEK = 1  # Monday
