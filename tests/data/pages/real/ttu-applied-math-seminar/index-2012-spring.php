<!DOCTYPE html>

<html>

<head>

 <?php $sem_mydepth = "../../"; ?>
 <?php   include($sem_mydepth . "../../seminars_model/src/php/functions.php"); ?>

 <?php include($sem_mydepth . "../sem_head_links.php");  ?>
 
</head>

<body>

 <?php Seminars::navigation_bar(); ?>
 <?php Seminars::main_banner("Applied Mathematics"); ?>


<div class="container">

<table class="sem_table">

<thead>
<tr>
<th>Date</th><th>Talks</th><th>Notes</th>
</tr>
</thead>

<tr><td>Jan. 25</td><td>
Prof. <a href="http://www.math.ttu.edu/~klong/">Kevin Long</a>, Texas Tech University<br />
	<i>Topics in PDE-Constrained Optimization, Part II,</i>
	<a href="2012-1-25-Long.pdf">[abstract]</a>
</td><td></td>
</tr>

<tr><td>Feb. 1</td><td>
Prof. <a href="http://www.math.ttu.edu/~klong/">Kevin Long</a>, Texas Tech University<br />
	<i>Topics in PDE-Constrained Optimization, Part III,</i>
	<a href="2012-2-1-Long.pdf">[abstract]</a>
</td><td>Cancelled.<br /> Short discussions on open problems in mathematics</td>
</tr>

<tr><td>Feb. 8</td><td>
Prof. <a href="http://www.math.ttu.edu/~klong/">Kevin Long</a>, Texas Tech University<br />
	<i>Topics in PDE-Constrained Optimization, Part IV,</i>
	<a href="2012-2-8-Long.pdf">[abstract]</a>
</td><td></td>
</tr>

<tr><td>Feb. 15</td><td>
Prof. <a href="http://bi154.dhcp.ttu.edu/sean/index.html">Sean H Rice</a>, Texas Tech University<br />
	<i>Orthogonal polynomials in evolutionary theory,</i>
	<a href="2012-2-15-Rice.pdf">[abstract]</a></td><td></td>
</tr>

<tr><td>Feb. 22</td><td>
Prof. <a href="http://u.cs.biu.ac.il/~schiff/">Jeremy Schiff</a>, Bar-Ilan University<br />
	<i>Quantum Mechanics Without Wavefunctions,</i>
	<a href="2012-2-22-Schiff.pdf">[abstract]</a>
</td><td></td>
</tr>

<tr><td>Feb. 29</td><td>
Indika Wijayasinghe,  Texas Tech University<br />
	<i>Eye/Head Movement Dynamics Satisfying the Donders' Law,</i>
	<a href="2012-2-29-Wijayasinghe.pdf">[abstract]</a></td>
<td></td>
</tr>



<tr><td>Mar. 7</td><td>
Prof. <a href="http://www.math.ttu.edu/~aibragui/">Akif Ibragimov</a>, Texas Tech University<br />
	<i>On lemma of growth for parabolic equations of second order and applications,</i>
	<a href="2012-3-7-Ibragimov.pdf">[abstract]</a>
</td><td></td>
</tr>



<tr><td>Mar. 10-18</td><td>
No talks. Spring Break.
</td><td></td>
</tr>

<tr><td>Mar. 21</td><td>
Prof. <a href="http://www.math.ttu.edu/~aibragui/">Akif Ibragimov</a>, Texas Tech University<br />
	<i>On lemma of growth for parabolic equations of second order and applications. II.,</i>
	<a href="2012-3-21-Ibragimov.pdf">[abstract]</a>
</td><td></td>
</tr>

<tr><td>Mar. 28</td><td>
Thinh Tri Kieu, Texas Tech University<BR />
<i>Sympletic-Mixed Finite Element Approximation of Linear Wave Equations, <a href="2012-3-28-Kieu.pdf">[abstract]</a></i></td>
<td></td>
</tr>


<tr><td>Apr. 4</td><td>
Prof. <a href="http://www.math.ttu.edu/~lhoang/">Luan Hoang</a>, Texas Tech University<br />
	<i>An interface boundary value problem for incompressible fluids in two-layer domains (I),</i>
	<a href="2012-4-4-Hoang.pdf">[abstract]</a>
</td><td></td>
</tr>

<tr><td>Apr. 11</td><td>
Prof. <a href="http://www.math.ttu.edu/~lhoang/">Luan Hoang</a>, Texas Tech University<br />
	<i>An interface boundary value problem for incompressible fluids in two-layer domains (II),</i>
	<a href="2012-4-11-Hoang.pdf">[abstract]</a>
</td><td></td>
</tr>


<tr><td>Apr. 18</td><td>
Prof. <a href="http://www.math.ttu.edu/~vhowle/">Victoria E. Howle</a>, Texas Tech University<br />
	<i>The Effects of Soft Errors on Krylov Methods Including a Fault Tolerant Conjugate Gradient Algorithm,</i>
	<a href="2012-4-18-Howle.pdf">[abstract]</a>
</td><td></td>
</tr>

<tr><td>Apr. 25</td><td>
Prof. <a href="http://www.math.ttu.edu/~vhowle/">Victoria E. Howle</a>, Texas Tech University<br />
	<i>The Effects of Soft Errors on Krylov Methods Including a Fault Tolerant Conjugate Gradient Algorithm (part 2),</i>
	<a href="2012-4-25-Howle.pdf">[abstract]</a>
</td><td></td>
</tr>


<tr><td>May 2</td><td>
Prof. <a href="http://arch.ttu.edu/wiki/Rima_Ajlouni">Rima Ajlouni</a>, Texas Tech University<br />
	<i>A New Discovery Reveals Signs of Advance Math in
Ancient Islamic Architecture,</i>
	<a href="2012-5-2-Ajilouni.pdf">[abstract]</a>
</td><td></td>
</tr>



</table>

</div>
<br/>

</body>
</html>
