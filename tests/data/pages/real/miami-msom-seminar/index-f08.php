<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
<head>
<meta http-equiv="content-type" content="text/html; charset=iso-8859-1" />
<meta name="description" content="MSOM Seminar Series" />
<meta name="keywords" content="operations,research,management,science,business,seminar,university,miami" />
<meta name="author" content="Tallys Yunes" />
<link rel="stylesheet" type="text/css" href="seminarcss.css" media="screen,projection" />
<link rel="stylesheet" type="text/css" href="print.css" media="print" />
<title>MSOM Seminar Series</title>
</head>

<body><div id="wrap">

<div id="adrblocka">
<h1>MSOM Seminar Series</h1>
<h2>School of Business Administration<br>
University of Miami</h2>
</div>

<?php include("common-menu.html"); ?>

<div id="content">
<h2>Fall of 2008</h2>
<p>
Welcome to the Management Science and Operations Management (MSOM) Seminar
at the School of Business Administration at the University of Miami.

<p>

Here you will find details about the talks given during the Fall of 2008.
<!--
A suitable time and location will be announced here once the faculty schedules have been
compiled by the organizers.
Unless otherwise noted, the seminar takes place on <b>Fridays from 12:15pm to 1:15pm
in room KE 403.</b>
-->

<br><br>


<h2>Past Talks</h2>
<p>
<ul>
<li><b>December 3rd, 11:00 a.m., room KE 403</b><br>
<u>Speaker</u>: Victor Jose, Fuqua School of Business, Duke University<br><br>
<u>Title</u>: Improving Forecast Verification Through the Incorporation of Baseline Distributions<br><br>
<u>Abstract</u>: 
The need for a quantitative measure of information - or more generally, a practical measure of the distance from one distribution to some other distribution - arises in many fields such as forecasting (where scoring rules are used to provide incentives for probability estimation), signal processing (where information gain is measured in physical units of relative entropy), decision analysis (where new information can lead to improved decisions), and finance (where investors optimize portfolios based on their private information and risk preferences).  In this talk, we generalize the two most commonly used parametric families of scoring rules and demonstrate their relation to well-known generalized entropies and utility functions, shedding new light on the characteristics of alternative scoring rules as well as duality relationships between utility maximization and entropy minimization. The novel feature of these scoring rules is that they allow probability forecasts to be evaluated relative to a pre-specified, not-necessarily-uniform baseline distribution. 
<br><br>

<li><b>October 24th, 11:00 a.m., room KE 403</b><br>
<u>Speaker</u>: Tallys Yunes, Department of Management Science, University of Miami<br><br>
<u>Title</u>: Building Efficient Product Portfolios at John Deere & Co. and at another Fortune 500 Industrial Manufacturer<br><br>
<u>Abstract</u>:
John Deere & Co. (Deere), one of the world's leading producers of 
machinery, manufactures products comprised of   
various features, within which a customer may select one of a number
of possible options.
On any given Deere product line, there may be 
tens of thousands of  combinations of options (configurations) that are 
feasible.  Maintaining such a large number 
of configurations inflates overhead costs; consequently, Deere wishes
to reduce the number of configurations from
their product lines without upsetting customers or sacrificing profits.  
We provide an explanation of the 
marketing and operational methodology used, and
tools built, to evaluate the potential for streamlining
two product lines at Deere.
For the two studied product lines, 
an increase in profit from 8 to 18% has been identified, 
possible through reducing the number of configurations by 20 to 50% 
from present levels, while maintaining the current high customer 
service levels.  Based on our analysis and the insights it generated, Deere 
recently implemented a new product line strategy.  We briefly detail
this strategy, which has thus far increased profits by tens of
millions of dollars.
As a follow-up to this project, we worked with another Fortune 500
industrial manufacturer whose challenges have some commonality with
Deere's. We show how their problem differs from the problem solved at
John Deere and how we adapted our methodology to suit their needs.
Our efforts helped them define a new bundling and price-sheet strategy
for 2008/09.
This is joint work with Alan Scheller-Wolf, Masha Shunko, Valerie Tardif,
Sridhar Tayur, and Natalya Trapp.
<br><br>

<li><b>September 26th, 12:00 p.m., room GB 530</b><br>
<u>Speaker</u>: Ismael de Farias, Department of Industrial Engineering, Texas Tech University<br><br>
<u>Title</u>: Branch-and-Cut without Auxiliary Binary Variables with Applications in Alternative Energy and Data Mining<br><br>
<u>Abstract</u>: 
As a result of the research on polyhedra and cutting planes for mixed-integer programming (MIP) sets developed during the past 20 years, branch-and-cut (B&C) has emerged as a true practical approach for solving difficult combinatorial optimization models arising in real-life applications. Today, it is implemented in all main commercial optimization software, and it has built an impressive record of success on solving to proven optimality industry-strength models with high-end laptop or desktop computers.
<p>
The most important issue in tackling MIP through B&C is how to formulate it. And the most radical discovery on this front is that for a number of extremely large and important classes of models it is best to not introduce integer variables in the formulation. The seed idea here was proposed by Beale and Tomlin in 1970, and further developed by Beale and others. In this talk I will first review Beale's idea of dispensing with the introduction of binary variables to solve MIP efficiently. Then, I will show how to derive cutting planes for these formulations without integer variables. The resulting approach, B&C without auxiliary binary variables, has proven to be considerably more efficient than the "traditional" approach of working with binary variables, despite all recent advances in B&C for integer models. I will present computational results that clearly support this claim, and some recent work on models that contain piecewise linear functions, semi-continuous variables, and cardinality constraints. In the end I will present some exciting opportunities for continued research involving applications in alternative energy and data mining.<br><br>
<u>About the Speaker</u>: Ismael Regis de Farias Jr. obtained his Ph.D. in industrial and systems engineering from the Georgia Institute of Technology in 1995. Previous to that he obtained a M.Sc. in computer science and systems engineering and a B.Sc. in physics, both from the Federal University of Rio de Janeiro. After finishing his Ph.D., he worked for a number of years as a consultant in the IBM Consulting Group and as a faculty in the State University of New York. Currently, he is an Associate Professor in the Department of Industrial Engineering of Texas Tech University. His area of research is operations research, with an emphasis to optimization and integer programming. He is a recent recipient of an IBM Faculty Award and a Second Place Winner of the INFORMS Junior Faculty Interest Group Best Paper Competition.<br><br>

<p>

<!--
<li><b>December (date TBA)</b><br>
<u>Speaker</u>: <blink><font color=red>Empty slot</font></blink><br>
<u>Title</u>: TBA<br>
<u>Abstract</u>: TBA<br>
<p>
-->

</ul>

<!--
<h2>Past Talks</h2>
<p>
<ul>
</ul>
-->

<p>

</div>

<div id="footer">
This web page is not an official University of Miami web
page.
<A HREF="http://www.miami.edu/portal/site/UM/menuitem.9d33c19e49dbe1b4c484ac8d0902ba18/?vgnextoid=52ac4d3c3985c010VgnVCM1000001dfaab81RCRD">See disclaimer</A>.
</div>

</div>
</body>
</html>
